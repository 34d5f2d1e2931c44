package vn.ocop.orders;

import java.util.UUID;

/**
 * One push to the viewers of an event. {@code type} is the Server-Sent Event's name: {@code state} (the whole
 * state, first on every connection), {@code pinned}, {@code offer-opened}, {@code offer-closed}, {@code ended}
 * (each with the new state), {@code remaining} (an offer's count) and {@code viewers}.
 */
public record LiveNews(long id, String type, UUID event, LiveState state, UUID offer, Integer remaining, Integer viewers) {

    public static LiveNews state(long id, String type, LiveState state) {
        return new LiveNews(id, type, state.event().id(), state, null, null, state.viewers());
    }
}

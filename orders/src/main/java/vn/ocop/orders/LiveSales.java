package vn.ocop.orders;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.orders.live.Claiming;
import vn.ocop.orders.live.Hosting;
import vn.ocop.orders.live.LiveHub;
import vn.ocop.orders.live.LiveStates;

/**
 * Livestream sale events (DESIGN.md §2). Producers schedule, go live, pin a product, open and close flash
 * offers (each reserving its cap at a location as the event's pool) and end the event; shoppers claim flash
 * units while it is live, held at the flash price for 10 minutes of checkout; viewers get every change
 * pushed, through PostgreSQL LISTEN/NOTIFY whichever instance made it.
 */
@Service
public class LiveSales {

    /** Pushes one viewer may have waiting before its stream is cut off. */
    public static final int BACKLOG = 256;

    private final Hosting hosting;
    private final Claiming claiming;
    private final LiveStates states;
    private final LiveHub hub;

    LiveSales(Hosting hosting, Claiming claiming, LiveStates states, LiveHub hub) {
        this.hosting = hosting;
        this.claiming = claiming;
        this.states = states;
        this.hub = hub;
    }

    public Mono<LiveEvent> schedule(ProducerId producer, EventPlan plan) {
        return hosting.schedule(producer, plan);
    }

    public Mono<LiveEvent> start(ProducerId producer, UUID event) {
        return hosting.start(producer, event);
    }

    public Mono<LiveEvent> cancel(ProducerId producer, UUID event) {
        return hosting.cancel(producer, event);
    }

    public Mono<LiveEvent> end(ProducerId producer, UUID event) {
        return hosting.end(producer, event);
    }

    public Mono<LiveEvent> pin(ProducerId producer, UUID event, ProductId product) {
        return hosting.pin(producer, event, product);
    }

    public Mono<FlashOffer> open(ProducerId producer, UUID event, OfferTerms terms) {
        return hosting.open(producer, event, terms);
    }

    public Mono<FlashOffer> close(ProducerId producer, UUID event, UUID offer) {
        return hosting.close(producer, event, offer);
    }

    /** Claims flash units for the buyer and puts them in their cart: NOT_ENOUGH_STOCK when sold out, LIMIT_REACHED past the limit per buyer. */
    public Mono<FlashClaim> claim(UUID account, UUID event, UUID offer, int quantity) {
        return claiming.claim(account, event, offer, quantity);
    }

    /** Claims past their 10 minutes go back to their offer's cap (run every minute by the schedule). */
    public Mono<Long> lapseClaims() {
        return claiming.lapse();
    }

    public Mono<LiveEvent> event(UUID id) {
        return states.event(id);
    }

    public Mono<LiveState> state(UUID id) {
        return states.state(id, hub.viewers(id));
    }

    /** Live events, then scheduled ones soonest first (or the statuses asked for). */
    public Flux<LiveEvent> listed(List<LiveStatus> statuses) {
        return states.listed(statuses);
    }

    public Flux<LiveEvent> ofProducer(ProducerId producer) {
        return states.ofProducer(producer);
    }

    /**
     * The event's pushes for one viewer: first the whole current state (also on reconnecting), then each change
     * as it is committed on any instance. NOT_FOUND for an unknown event. The viewer key says who watches (the
     * web layer's choice: an account, or a client address for anonymous viewers): the viewer count counts each key
     * once on an instance, however many streams it opens there.
     *
     * <p>Each viewer takes the pushes at its own pace, never slowing the others: one whose connection does not take
     * them (a stalled client) gets up to {@value #BACKLOG} waiting (besides those already in flight to its
     * connection), and past that its stream ends at once in an error (an overflow), so that it reconnects and starts again from the whole state, rather than being held in memory
     * without end or missing a push without knowing.
     */
    public Flux<LiveNews> news(UUID event, String viewer) {
        return Flux.defer(() -> {
            // listen first, so that nothing committed while the state is read is missed: the state is read once the
            // changes are subscribed, and they wait (in the viewer's backlog) until it is sent
            Sinks.Empty<Void> listening = Sinks.empty();
            // past the backlog the stream fails at once (Reactor's own overflow error would wait until the backlog is read)
            Sinks.One<LiveNews> cutOff = Sinks.one();
            Flux<LiveNews> changes = hub.news(event, viewer).doOnSubscribe(s -> listening.tryEmitEmpty())
                    .onBackpressureBuffer(BACKLOG, unsent -> cutOff.tryEmitError(Exceptions.failWithOverflow(
                            "a live viewer did not take its pushes: " + BACKLOG + " waiting")), BufferOverflowStrategy.DROP_LATEST)
                    .doOnComplete(cutOff::tryEmitEmpty); // the news ended (the app closing): so does the stream
            Mono<LiveNews> state = listening.asMono()
                    .then(Mono.defer(() -> states.state(event, hub.viewers(event))).map(s -> LiveNews.state(hub.nextId(), "state", s)));
            return Flux.mergeSequential(state, changes).mergeWith(cutOff.asMono());
        });
    }

    /** Completes once this instance listens for other instances' changes. */
    public Mono<Boolean> ready() {
        return hub.ready();
    }
}

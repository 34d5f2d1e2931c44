package vn.ocop.orders.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;

/**
 * Who of the claims that arrived together for one offer gets units, in arrival order: the offer must be open and
 * its event live, enough units must be left, and the buyer must stay within the limit per buyer (counting what
 * it holds or bought). A refused claim takes nothing, so a later, smaller claim may still get the units left.
 * Decided on the offer row read under its lock, so batches of any number of instances never pass the cap.
 */
final class ClaimPolicy {

    private ClaimPolicy() {
    }

    /** One buyer's claim as it arrived. */
    record Ask(UUID account, UUID event, int quantity) {
        Ask {
            if (quantity < 1) {
                throw new IllegalArgumentException("a claim is at least 1 unit: " + quantity);
            }
        }
    }

    /** The offer as read under its lock: its event, whether it (and the event) is open, the units left, the limit per buyer. */
    record OfferNow(UUID event, boolean open, int remaining, int perBuyer) {
    }

    /** A claim's answer: granted (refusal null), or refused with the error its buyer gets. */
    record Outcome(Ask ask, OrdersException refusal) {
        boolean granted() {
            return refusal == null;
        }
    }

    /** Every claim's outcome in arrival order, the offer's count after them, and how much each buyer's allowance grew. */
    record Decision(List<Outcome> outcomes, int remaining, Map<UUID, Integer> added) {
    }

    /** {@code taken}: what each buyer of the batch already holds or bought from the offer (absent: nothing). */
    static Decision decide(OfferNow offer, Map<UUID, Integer> taken, List<Ask> asks) {
        int remaining = offer.remaining();
        Map<UUID, Integer> added = new HashMap<>();
        List<Outcome> outcomes = new ArrayList<>(asks.size());
        for (Ask ask : asks) {
            int has = taken.getOrDefault(ask.account(), 0) + added.getOrDefault(ask.account(), 0);
            OrdersException refusal = refusal(offer, remaining, has, ask);
            if (refusal == null) {
                remaining -= ask.quantity();
                added.merge(ask.account(), ask.quantity(), Integer::sum);
            }
            outcomes.add(new Outcome(ask, refusal));
        }
        return new Decision(outcomes, remaining, added);
    }

    private static OrdersException refusal(OfferNow offer, int remaining, int has, Ask ask) {
        if (!offer.event().equals(ask.event())) {
            return new OrdersException(OrdersErrorCode.NOT_FOUND, "no such flash offer in this event");
        }
        if (!offer.open()) {
            return new OrdersException(OrdersErrorCode.INVALID_STATE, "this flash offer is closed: flash prices hold only while the event is live");
        }
        if (remaining < ask.quantity()) {
            return new OrdersException(OrdersErrorCode.NOT_ENOUGH_STOCK, "sold out: " + remaining + " left, " + ask.quantity() + " asked");
        }
        if (has + ask.quantity() > offer.perBuyer()) {
            return new OrdersException(OrdersErrorCode.LIMIT_REACHED,
                    "this offer allows " + offer.perBuyer() + " per buyer, counting the units you hold or bought");
        }
        return null;
    }
}

package vn.ocop.catalog.lots;

import vn.ocop.catalog.locations.LocationKind;
import java.time.LocalDate;

/**
 * One step of a lot's public path, as the verify page and API show it: the key data elements of TCVN 12850:2019 (the
 * GS1 Global Traceability Standard): what happened ({@code event}), who did it ({@code actor}, with a name only when
 * the actor is the producer or an outlet), where ({@code place}, its kind and province) and when (the day in
 * Asia/Ho_Chi_Minh), with how many units. Never an account, a till or an order: repeated steps of one kind at one place
 * on one day are one step with their total.
 */
public record TraceStep(Event event, Actor actor, String actorName, String place, LocationKind placeKind, String province,
                        LocalDate day, int quantity) {

    /** The critical tracking events a shopper can follow, from making the lot to selling it. */
    public enum Event {
        /** The producer made the lot (its production date). */
        PRODUCED,
        /** The lot came into stock at a place (a warehouse's receipt, an outlet's own). */
        RECEIVED,
        /** The lot left a place for another. */
        SENT,
        /** The lot arrived from another place. */
        ARRIVED,
        /** Sold over the counter at the place. */
        SOLD,
        /** Handed to a buyer of an online order (shipped or collected) from the place. */
        DELIVERED
    }

    /** Who acted: the producer, the outlet (named), the outlet's counter, or the place on an online buyer's behalf. */
    public enum Actor {
        PRODUCER, OUTLET, COUNTER, ONLINE_ORDER
    }
}

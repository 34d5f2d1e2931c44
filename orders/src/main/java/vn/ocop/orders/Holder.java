package vn.ocop.orders;

import java.util.Objects;
import vn.ocop.catalog.LocationId;

/**
 * Who holds a sale's money: the marketplace (cards, through Stripe), the producer (cash it collected on delivery,
 * or at its own warehouse's till), or an outlet (a showroom, sales point or highway stop: cash taken at pickup or
 * at its tills), named by its location. The holder owes the producer what is not its own share.
 */
public record Holder(Kind kind, LocationId location) {

    public enum Kind { MARKETPLACE, PRODUCER, SHOWROOM }

    public static final Holder MARKETPLACE = new Holder(Kind.MARKETPLACE, null);
    public static final Holder PRODUCER = new Holder(Kind.PRODUCER, null);

    public Holder {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.SHOWROOM) != (location != null)) {
            throw new IllegalArgumentException("an outlet holder names its location, and only an outlet does");
        }
    }

    public static Holder showroom(LocationId location) {
        return new Holder(Kind.SHOWROOM, Objects.requireNonNull(location, "location"));
    }

    /** "MARKETPLACE", "PRODUCER" or "SHOWROOM &lt;location id&gt;", as statements and CSV files name it. */
    public String label() {
        return location == null ? kind.name() : kind.name() + " " + location.value();
    }
}

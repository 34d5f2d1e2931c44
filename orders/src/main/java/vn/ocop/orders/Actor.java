package vn.ocop.orders;

import java.util.Objects;

/** Who moved an order: the shopper, a producer's member, showroom staff, the system (lapses) or the card payment. */
public record Actor(Kind kind, String name) {

    public enum Kind { SHOPPER, PRODUCER, STAFF, SYSTEM, PAYMENT }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? kind.name().toLowerCase(java.util.Locale.ROOT) : name;
    }

    public static Actor shopper(String who) {
        return new Actor(Kind.SHOPPER, who);
    }

    public static Actor producer(String who) {
        return new Actor(Kind.PRODUCER, who);
    }

    public static Actor staff(String who) {
        return new Actor(Kind.STAFF, who);
    }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, "system");
    }

    public static Actor payment() {
        return new Actor(Kind.PAYMENT, "stripe");
    }
}

package vn.ocop.catalog;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One stock movement as recorded, before it is applied. The id is made by whoever records it and is what
 * makes applying it twice impossible. A COUNT carries {@code expected} and {@code counted} and its quantity is
 * their difference; every other type carries a positive quantity.
 */
public record Movement(UUID id, MovementType type, ProductId product, int quantity, Integer expected, Integer counted,
                       OffsetDateTime occurredAt, String reference, String note) {

    public static final int MAX_QUANTITY = 1_000_000;

    public Movement {
        Objects.requireNonNull(id, "movement id");
        Objects.requireNonNull(type, "movement type");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(occurredAt, "occurredAt");
        String problem = quantityProblem(type, quantity, expected, counted);
        if (problem != null) {
            throw new CatalogException(CatalogErrorCode.INVALID_MOVEMENT, problem);
        }
    }

    public static Movement of(UUID id, MovementType type, ProductId product, int quantity, OffsetDateTime at, String reference) {
        return new Movement(id, type, product, quantity, null, null, at, reference, null);
    }

    public static Movement count(UUID id, ProductId product, int expected, int counted, OffsetDateTime at) {
        return new Movement(id, MovementType.COUNT, product, counted - expected, expected, counted, at, null, null);
    }

    /** Why these quantities are not a movement of that type; null when they are. */
    public static String quantityProblem(MovementType type, Integer quantity, Integer expected, Integer counted) {
        if (type == MovementType.COUNT) {
            // expected is what the books say, which offline sales can take below zero; counted is what is on the shelf
            if (expected == null || counted == null || expected < -MAX_QUANTITY || counted < 0 || expected > MAX_QUANTITY || counted > MAX_QUANTITY) {
                return "a COUNT needs expected (what the books say, " + -MAX_QUANTITY + " to " + MAX_QUANTITY + ") and counted (0 to " + MAX_QUANTITY + ")";
            }
            return quantity != null && quantity != counted - expected ? "a COUNT's quantity is counted − expected" : null;
        }
        if (quantity == null || quantity < 1 || quantity > MAX_QUANTITY) {
            return "quantity must be 1 to " + MAX_QUANTITY;
        }
        return expected != null || counted != null ? "only a COUNT carries expected and counted" : null;
    }

    public int onHandDelta() {
        return type.onHandDelta(quantity);
    }

    public int reservedDelta() {
        return type.reservedDelta(quantity);
    }
}

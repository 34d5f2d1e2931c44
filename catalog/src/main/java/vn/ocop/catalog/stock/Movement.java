package vn.ocop.catalog.stock;

import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One stock movement as recorded, before it is applied. The id is made by whoever records it and is what
 * makes applying it twice impossible. A COUNT carries {@code expected} and {@code counted} and its quantity is
 * their difference; every other type carries a positive quantity. Only a SALE carries a unit price (what the till
 * took, whole đồng); a sale without one is kept at the product's list price when applied. A movement may name its
 * {@link LotRef lot} (a receipt names the lot it brings, with its dates; a sale or count may name the lot it was of);
 * one that does not moves the lots with the earliest use-by first (FEFO), decided where it is applied.
 */
public record Movement(UUID id, MovementType type, ProductId product, int quantity, Integer expected, Integer counted,
                       OffsetDateTime occurredAt, String reference, String note, Vnd unitPrice, LotRef lot) {

    public static final int MAX_QUANTITY = 1_000_000;
    /** The highest unit price a sale may carry: a product's list price has the same bound. */
    public static final long MAX_UNIT_PRICE = 1_000_000_000L;

    public Movement {
        Objects.requireNonNull(id, "movement id");
        Objects.requireNonNull(type, "movement type");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(occurredAt, "occurredAt");
        String problem = quantityProblem(type, quantity, expected, counted);
        if (problem != null) {
            throw new CatalogException(CatalogErrorCode.INVALID_MOVEMENT, problem);
        }
        String price = priceProblem(type, unitPrice == null ? null : unitPrice.dong());
        if (price != null) {
            throw new CatalogException(CatalogErrorCode.INVALID_MOVEMENT, price);
        }
        if (lot != null && lot.hasDates() && type != MovementType.RECEIPT) {
            throw new CatalogException(CatalogErrorCode.INVALID_MOVEMENT, "only a RECEIPT carries a lot's production and use-by dates");
        }
        // a RELEASE names its lot only when a recall gives back what was set aside of the recalled lot
        if (lot != null && !type.recordedAtTill() && type != MovementType.TRANSFER_OUT && type != MovementType.TRANSFER_IN
                && type != MovementType.RELEASE) {
            throw new CatalogException(CatalogErrorCode.INVALID_MOVEMENT, "a " + type + " takes its lots by use-by date and names none");
        }
    }

    /** A movement of no named lot. */
    public Movement(UUID id, MovementType type, ProductId product, int quantity, Integer expected, Integer counted,
                    OffsetDateTime occurredAt, String reference, String note, Vnd unitPrice) {
        this(id, type, product, quantity, expected, counted, occurredAt, reference, note, unitPrice, null);
    }

    /** The same movement, of the given lot. */
    public Movement ofLot(LotRef lot) {
        return new Movement(id, type, product, quantity, expected, counted, occurredAt, reference, note, unitPrice, lot);
    }

    /** A movement without a unit price (every type but a SALE has none; a SALE then takes the list price). */
    public Movement(UUID id, MovementType type, ProductId product, int quantity, Integer expected, Integer counted,
                    OffsetDateTime occurredAt, String reference, String note) {
        this(id, type, product, quantity, expected, counted, occurredAt, reference, note, null);
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

    /** Why this unit price does not fit a movement of that type; null when it does (none, or a SALE's 0 to 1,000,000,000 đồng). */
    public static String priceProblem(MovementType type, Long unitPrice) {
        if (unitPrice == null) {
            return null;
        }
        if (type != MovementType.SALE) {
            return "only a SALE carries a unit price";
        }
        return unitPrice < 0 || unitPrice > MAX_UNIT_PRICE ? "a sale's unitPrice is whole đồng, 0 to " + MAX_UNIT_PRICE : null;
    }

    public int onHandDelta() {
        return type.onHandDelta(quantity);
    }

    public int reservedDelta() {
        return type.reservedDelta(quantity);
    }
}

package vn.ocop.catalog.stock;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import vn.ocop.catalog.locations.Location;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.stock.MovementResult.Rejection;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;

/**
 * Turns what a till sent into a movement, or says why it cannot be one. Rejections are per movement: one bad
 * line does not hold back the rest of the batch.
 */
record TillMovementCheck(Location location, Map<UUID, UUID> producerOf, OffsetDateTime receivedAt) {

    /** A checked movement: exactly one of {@code movement} and {@code rejection} is set. */
    record Checked(TillMovement sent, Movement movement, Rejection rejection) {
    }

    Checked check(TillMovement m) {
        MovementType type = type(m.type());
        if (type == null || !type.recordedAtTill()) {
            return rejected(m, Rejection.BAD_TYPE);
        }
        if (m.productId() == null || !producerOf.containsKey(m.productId())) {
            return rejected(m, Rejection.UNKNOWN_PRODUCT);
        }
        if (m.locationId() != null && !m.locationId().equals(location.id().value()) || !stocksHere(m.productId())) {
            return rejected(m, Rejection.WRONG_LOCATION);
        }
        if (Movement.quantityProblem(type, m.quantity(), m.expected(), m.counted()) != null) {
            return rejected(m, Rejection.BAD_QUANTITY);
        }
        if (Movement.priceProblem(type, m.unitPrice()) != null) {
            return rejected(m, Rejection.BAD_PRICE);
        }
        if (!lotWellFormed(type, m)) {
            return rejected(m, Rejection.BAD_LOT);
        }
        // a till's clock may be wrong; a time in the future (or before 2000: a reset clock) is taken as the time it reached us
        OffsetDateTime sent = m.plausibleOccurredAt();
        OffsetDateTime at = sent == null || sent.isAfter(receivedAt) ? receivedAt : sent;
        Movement movement = type == MovementType.COUNT
                ? Movement.count(m.id(), new ProductId(m.productId()), m.expected(), m.counted(), at)
                : new Movement(m.id(), type, new ProductId(m.productId()), m.quantity(), null, null, at, null, null,
                        m.unitPrice() == null ? null : new Vnd(m.unitPrice()));
        return new Checked(m, m.lotCode() == null ? movement : movement.ofLot(new LotRef(m.lotCode(), m.producedOn(), m.useBy())), null);
    }

    /** No lot named (and no dates), or a lot as {@link LotRef} accepts it, with dates only on a receipt. */
    private static boolean lotWellFormed(MovementType type, TillMovement m) {
        boolean dates = m.producedOn() != null || m.useBy() != null;
        if (m.lotCode() == null) {
            return !dates;
        }
        return (type == MovementType.RECEIPT || !dates) && LotRef.problem(m.lotCode(), m.producedOn(), m.useBy()) == null;
    }

    /** A producer's warehouse keeps only that producer's goods; outlets keep anyone's. */
    private boolean stocksHere(UUID product) {
        return location.kind() != LocationKind.WAREHOUSE || location.producer().value().equals(producerOf.get(product));
    }

    private static Checked rejected(TillMovement m, Rejection why) {
        return new Checked(m, null, why);
    }

    private static MovementType type(String name) {
        try {
            return name == null ? null : MovementType.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}

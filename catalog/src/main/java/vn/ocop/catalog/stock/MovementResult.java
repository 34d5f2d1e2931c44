package vn.ocop.catalog.stock;

import java.util.List;
import java.util.UUID;

/** What became of one movement of a sync batch. */
public record MovementResult(UUID id, Status status, Rejection reason, List<Discrepancy.Reason> discrepancies) {

    public enum Status { APPLIED, DUPLICATE, REJECTED }

    /** Why a till's movement could not be applied; the till should show it and stop sending it. */
    public enum Rejection { UNKNOWN_PRODUCT, WRONG_LOCATION, BAD_QUANTITY, BAD_TYPE, BAD_PRICE, BAD_LOT }

    public static MovementResult rejected(UUID id, Rejection reason) {
        return new MovementResult(id, Status.REJECTED, reason, List.of());
    }
}

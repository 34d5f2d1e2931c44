package vn.ocop.catalog.stock;

import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProductId;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An offline sale that was applied although it should not have happened; staff resolve it. */
public record Discrepancy(UUID id, UUID movementId, LocationId location, ProductId product, String productName, Reason reason,
                          int quantity, int onHandAfter, String deviceId, OffsetDateTime occurredAt, OffsetDateTime createdAt,
                          OffsetDateTime resolvedAt, String resolvedBy, String resolution) {

    public enum Reason {
        /** The sale drove the stock below zero: goods were sold that the ledger did not know were there. */
        NEGATIVE_STOCK,
        /** The product was not on sale that day (its ranking expired or was revoked while the till was offline). */
        NOT_SELLABLE,
        /** The sale took units of a lot past its use-by date on the day it was sold (Asia/Ho_Chi_Minh). */
        EXPIRED_LOT,
        /** The sale took units of a lot recalled before it was sold. */
        RECALLED_LOT,
        /**
         * The sale named a lot the server had never heard of (a typo at the till, or goods that arrived without their lot):
         * the lot is kept with its code and unknown dates, and the sale applied to it.
         */
        UNKNOWN_LOT
    }

    public boolean open() {
        return resolvedAt == null;
    }
}

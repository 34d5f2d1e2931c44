package vn.ocop.catalog.stock;

import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.locations.LocationKind;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A sale rung up at a till, as applied to the stock ledger: which movement, where (and what kind of place: an
 * outlet selling consigned goods, or a producer's own warehouse), whose goods, the product's OCOP group, how many
 * and at what unit price, when it happened and when the server applied it.
 */
public record TillSale(UUID movementId, LocationId location, LocationKind locationKind, ProducerId producer, ProductId product,
                       String productName, OcopGroup group, int quantity, Vnd unitPrice, OffsetDateTime occurredAt,
                       OffsetDateTime appliedAt) {

    public TillSale {
        Objects.requireNonNull(movementId, "movementId");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(locationKind, "locationKind");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (quantity < 1) {
            throw new IllegalArgumentException("a sale's quantity is positive: " + quantity);
        }
    }

    /** What the till took for it: unit price × quantity. */
    public Vnd total() {
        return unitPrice.times(quantity);
    }
}

package vn.ocop.catalog.stock;

import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProductId;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One applied movement, as the history of a product at a location shows it. */
public record LedgerEntry(UUID id, MovementType type, LocationId location, ProductId product, String productName, int quantity,
                          int onHandDelta, int reservedDelta, Integer expected, Integer counted, String reference,
                          String recordedBy, String deviceId, OffsetDateTime occurredAt, OffsetDateTime appliedAt) {
}

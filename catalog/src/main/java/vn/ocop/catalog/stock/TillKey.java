package vn.ocop.catalog.stock;

import vn.ocop.catalog.LocationId;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A till's key as the store knows it: never the key itself, which is shown once when it is made. */
public record TillKey(UUID id, LocationId location, String label, OffsetDateTime createdAt, OffsetDateTime revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}

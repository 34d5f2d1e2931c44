package vn.ocop.catalog.stock;

import vn.ocop.catalog.LocationId;
import java.util.List;
import java.util.Objects;

/** What a till sends: who it is, what it last learnt ({@code sinceVersion}, null the first time) and its outbox. */
public record SyncBatch(LocationId location, TillKey key, String deviceId, String sinceVersion, List<TillMovement> movements) {

    public SyncBatch {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(key, "till key");
        movements = List.copyOf(movements);
        if (deviceId == null || deviceId.isBlank() || deviceId.length() > 100) {
            throw new IllegalArgumentException("deviceId must be 1 to 100 characters");
        }
    }
}

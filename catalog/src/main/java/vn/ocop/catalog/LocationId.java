package vn.ocop.catalog;

import java.util.Objects;
import java.util.UUID;

/** Identifies a location: a producer's warehouse, a showroom, a sales point or a highway stop. */
public record LocationId(UUID value) {
    public LocationId {
        Objects.requireNonNull(value, "location id");
    }

    public static LocationId random() {
        return new LocationId(UUID.randomUUID());
    }
}

package vn.ocop.catalog.producers;

import java.util.Objects;
import java.util.UUID;

/** Identifies an application to sell on the marketplace. */
public record ApplicationId(UUID value) {

    public ApplicationId {
        Objects.requireNonNull(value, "application id");
    }

    public static ApplicationId random() {
        return new ApplicationId(UUID.randomUUID());
    }
}

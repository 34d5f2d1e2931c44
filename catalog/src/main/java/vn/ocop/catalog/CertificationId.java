package vn.ocop.catalog;

import java.util.UUID;

/** Identifies one OCOP certification (a ranking granted by one decision). */
public record CertificationId(UUID value) {
    public CertificationId {
        java.util.Objects.requireNonNull(value, "certification id");
    }

    public static CertificationId random() {
        return new CertificationId(UUID.randomUUID());
    }
}

package vn.ocop.catalog;

import java.util.UUID;

/** Identifies a producer (chủ thể OCOP): a co-op, enterprise, household business or tổ hợp tác. */
public record ProducerId(UUID value) {
    public ProducerId {
        java.util.Objects.requireNonNull(value, "producer id");
    }
}

package vn.ocop.catalog;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A movement as a till sent it, not yet checked: each field may be missing or wrong, and the answer says so
 * per movement rather than refusing the batch. Only the id is required, since the answer is keyed by it.
 */
public record TillMovement(UUID id, String type, UUID productId, UUID locationId, Integer quantity, Integer expected,
                           Integer counted, OffsetDateTime occurredAt) {
}

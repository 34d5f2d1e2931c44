package vn.ocop.catalog.stock;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Movement ids that follow from another id, so that retrying a pair of movements records neither twice. */
public final class MovementIds {

    private MovementIds() {
    }

    /** A movement id derived from another, for the second leg of a pair (a transfer's arrival, an order line's release). */
    public static UUID derived(UUID id, String leg) {
        return UUID.nameUUIDFromBytes((id + ":" + leg).getBytes(StandardCharsets.UTF_8));
    }
}

package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * A dispute (chargeback) of an order's card payment, as Stripe reports it: its id, the cardholder's reason, its
 * status and when it was opened. While it is open the order is held: its goods are not shipped or handed over.
 */
public record CardDispute(String id, String reason, String status, OffsetDateTime openedAt) {

    /** Closed in the marketplace's favour (or an inquiry that went no further): the hold is lifted. */
    private static final Set<String> LIFTED = Set.of("won", "warning_closed", "prevented");

    public CardDispute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    /** The order is held while the dispute is open, and stays held when it was lost (the money went back). */
    public boolean holds() {
        return !LIFTED.contains(status);
    }
}

package vn.ocop.catalog.stock;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A movement as a till sent it, not yet checked: each field may be missing or wrong, and the answer says so
 * per movement rather than refusing the batch. Only the id is required, since the answer is keyed by it. A SALE
 * may carry {@code unitPrice}, what the till took per unit in whole đồng; without it the product's list price is kept.
 * Any of SALE, RECEIPT and COUNT may name the lot it was of ({@code lotCode}); a RECEIPT may give the lot's
 * {@code producedOn} and {@code useBy} dates, which a lot keeps from the receipt that first named it.
 */
public record TillMovement(UUID id, String type, UUID productId, UUID locationId, Integer quantity, Integer expected,
                           Integer counted, OffsetDateTime occurredAt, Long unitPrice, String lotCode, LocalDate producedOn,
                           LocalDate useBy) {

    /** The earliest time a till's movement may claim: before that its clock was wrong (a reset clock says 1970). */
    public static final OffsetDateTime EARLIEST = OffsetDateTime.parse("2000-01-01T00:00:00+07:00");

    /** A movement of no named lot (the lots with the earliest use-by go first). */
    public TillMovement(UUID id, String type, UUID productId, UUID locationId, Integer quantity, Integer expected,
                        Integer counted, OffsetDateTime occurredAt, Long unitPrice) {
        this(id, type, productId, locationId, quantity, expected, counted, occurredAt, unitPrice, null, null, null);
    }

    /** A movement without a price: only a SALE may carry one (the list price is taken when it has none). */
    public TillMovement(UUID id, String type, UUID productId, UUID locationId, Integer quantity, Integer expected,
                        Integer counted, OffsetDateTime occurredAt) {
        this(id, type, productId, locationId, quantity, expected, counted, occurredAt, null);
    }

    /** The type as sent, safe to keep for staff to read: control characters shown as U+FFFD, at most 40 characters. */
    public String typeAsSent() {
        if (type == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(type.length(), 40));
        type.codePoints().limit(40).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? 0xFFFD : c));
        return out.toString();
    }

    /** The time as sent when it could be true, else null (before 2000, or past anything PostgreSQL can hold). */
    public OffsetDateTime plausibleOccurredAt() {
        return occurredAt == null || occurredAt.isBefore(EARLIEST) || occurredAt.getYear() > 9999 ? null : occurredAt;
    }
}

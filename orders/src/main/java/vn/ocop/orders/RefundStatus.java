package vn.ocop.orders;

import java.util.Locale;

/**
 * Where a card refund stands, as Stripe says: PENDING until the card network settles it, SUCCEEDED (the money is
 * back on the card), FAILED (with a reason; the money stays with the marketplace and ADMIN can try again), CANCELED,
 * or REQUIRES_ACTION. Only a refund that is neither failed nor canceled counts against what can still be refunded.
 */
public enum RefundStatus {
    PENDING, REQUIRES_ACTION, SUCCEEDED, FAILED, CANCELED;

    /** Counts against what the order's payment can still give back. */
    public boolean holdsMoney() {
        return this != FAILED && this != CANCELED;
    }

    /** Can be asked of Stripe again (a new refund for the same amount). */
    public boolean retryable() {
        return this == FAILED || this == CANCELED;
    }

    /**
     * Whether Stripe's news moves a refund from here to {@code next}: an open refund settles any way; a refund that
     * succeeded can still fail (rarely, the card issuer sends it back); a failed or canceled one moves only by a retry.
     */
    public boolean canBecome(RefundStatus next) {
        if (next == this) {
            return false;
        }
        return this == PENDING || this == REQUIRES_ACTION || (this == SUCCEEDED && next == FAILED);
    }

    /** Stripe's word for it ({@code pending}, {@code succeeded}, ...); an unknown word is PENDING. */
    public static RefundStatus fromStripe(String status) {
        if (status == null) {
            return PENDING;
        }
        try {
            return valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return PENDING;
        }
    }
}

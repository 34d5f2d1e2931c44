package vn.ocop.orders.payment;

/**
 * Stripe did not do what was asked. {@code unavailable}: it could not be reached, failed on its side, limited the
 * rate, or refused our key; asking again later may work, and nothing may be concluded from it. Otherwise Stripe
 * refused the request itself (a 4xx): {@code code} and {@code message} are Stripe's.
 */
public class StripeFailure extends RuntimeException {

    private final boolean unavailable;
    private final String code;

    StripeFailure(boolean unavailable, String code, String message, Throwable cause) {
        super(message, cause);
        this.unavailable = unavailable;
        this.code = code;
    }

    public boolean unavailable() {
        return unavailable;
    }

    /** Stripe's error code ({@code amount_too_small}, {@code charge_disputed}, ...), or null. */
    public String code() {
        return code;
    }
}

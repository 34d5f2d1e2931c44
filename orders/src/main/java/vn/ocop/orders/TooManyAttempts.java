package vn.ocop.orders;

import java.time.Duration;

/** Refused because of too many wrong attempts in a short time; {@link #retryAfter()} says when to try again. */
public class TooManyAttempts extends OrdersException {

    private final Duration retryAfter;

    public TooManyAttempts(String message, Duration retryAfter) {
        super(OrdersErrorCode.TOO_MANY_ATTEMPTS, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

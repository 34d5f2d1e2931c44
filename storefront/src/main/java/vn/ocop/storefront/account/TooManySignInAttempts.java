package vn.ocop.storefront.account;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * Sign-in refused without checking the password: too many unsuccessful attempts for this account or from this
 * client address. {@link #retryAfter()} says when the lock ends.
 */
public class TooManySignInAttempts extends AuthenticationException {

    private final Duration retryAfter;

    public TooManySignInAttempts(Duration retryAfter) {
        super("Too many unsuccessful sign-in attempts for this account or from this address: wait before trying again.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole minutes to wait, rounded up, as the sign-in page says it. */
    public long minutesToWait() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }
}

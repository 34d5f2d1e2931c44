package vn.ocop.orders.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stripe keys ({@code ocop.stripe.*}, from STRIPE_SECRET_KEY and friends). With no secret key the card option is
 * off and cash on delivery and pay at pickup still work. {@code apiBase} points stripe-java elsewhere (tests: WireMock).
 */
@ConfigurationProperties("ocop.stripe")
public record StripeSettings(String secretKey, String publishableKey, String webhookSecret, String apiBase) {

    public boolean enabled() {
        return secretKey != null && !secretKey.isBlank();
    }
}

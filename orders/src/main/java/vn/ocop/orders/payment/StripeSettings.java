package vn.ocop.orders.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.CardLimits;

/**
 * Stripe keys ({@code ocop.stripe.*}, from STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY, STRIPE_WEBHOOK_SECRET). Cards are
 * offered only with both the secret key (the server's calls) and the publishable key (Stripe.js on the order page):
 * a secret key alone would take orders nobody can pay. With the secret key alone, card orders already placed are
 * still cancelled and refunded at Stripe. {@code minCardVnd} is the smallest card total (Stripe's US$0.50, in
 * đồng with room above today's rate); {@code apiBase} points stripe-java elsewhere (tests: WireMock).
 */
@ConfigurationProperties("ocop.stripe")
public record StripeSettings(String secretKey, String publishableKey, String webhookSecret, String apiBase, Long minCardVnd) {

    /** US$0.50 is about 13,200 đồng at 26,300 đồng to the dollar (late 2026); 15,000 leaves room for the rate to move. */
    static final long DEFAULT_MIN_CARD_VND = 15_000;

    /** The server can call Stripe (cancel, refund). */
    public boolean enabled() {
        return secretKey != null && !secretKey.isBlank();
    }

    /** Shoppers can pay by card: both keys are set. */
    public boolean cardsOffered() {
        return enabled() && publishableKey != null && !publishableKey.isBlank();
    }

    public CardLimits cardLimits() {
        return new CardLimits(new Vnd(minCardVnd == null ? DEFAULT_MIN_CARD_VND : minCardVnd), CardLimits.STRIPE_MAX);
    }
}

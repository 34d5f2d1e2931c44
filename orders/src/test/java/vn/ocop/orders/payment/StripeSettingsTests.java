package vn.ocop.orders.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.ocop.catalog.Vnd;

/** Which Stripe keys offer cards, and the card totals Stripe takes. */
class StripeSettingsTests {

    @Test
    void cardsAreOfferedOnlyWithBothTheSecretAndThePublishableKey() {
        assertThat(settings("sk_test_1", "pk_test_1").cardsOffered()).isTrue();
        assertThat(settings("sk_test_1", null).cardsOffered()).as("a secret key alone: nobody could pay").isFalse();
        assertThat(settings("sk_test_1", " ").cardsOffered()).isFalse();
        assertThat(settings(null, "pk_test_1").cardsOffered()).isFalse();
        assertThat(settings("sk_test_1", null).enabled()).as("orders already placed are still cancelled and refunded").isTrue();
    }

    @Test
    void aCardTotalIsAtLeastTheMinimumAndAtMostEightDigitsOfDong() {
        var limits = settings("sk_test_1", "pk_test_1").cardLimits();

        assertThat(limits.min()).isEqualTo(new Vnd(15_000));
        assertThat(limits.allows(new Vnd(14_999))).isFalse();
        assertThat(limits.allows(new Vnd(15_000))).isTrue();
        assertThat(limits.allows(new Vnd(99_999_999))).isTrue();
        assertThat(limits.allows(new Vnd(100_000_000))).isFalse();
        assertThat(new StripeSettings("sk", "pk", null, null, 20_000L).cardLimits().min()).isEqualTo(new Vnd(20_000));
    }

    private static StripeSettings settings(String secret, String publishable) {
        return new StripeSettings(secret, publishable, null, null, null);
    }
}

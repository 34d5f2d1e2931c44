package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ocop.orders.MoneyScene.line;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.OcopGroup;

/**
 * Payouts: what the marketplace owes a producer (cards less commission and tax), less what the producer owes it
 * (commission on cash it collected), is what may be paid out; more is refused unless meant; a payout recorded twice
 * is one; an outlet settles what it holds the same way; statements carry payouts and balances.
 */
@SpringBootTest(classes = OrdersTestApplication.class)
@vn.ocop.catalog.testing.OwnDatabase
class PayoutsIntegrationTests {

    static final WireMockServer STRIPE = new WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1").globalTemplating(true));

    static {
        STRIPE.start();
    }

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("ocop.stripe.secret-key", () -> "sk_test_ocop");
        registry.add("ocop.stripe.publishable-key", () -> "pk_test_ocop");
        registry.add("ocop.stripe.webhook-secret", () -> StripeFixtures.WEBHOOK_SECRET);
        registry.add("ocop.stripe.api-base", STRIPE::baseUrl);
    }

    @AfterAll
    static void stopStripe() {
        STRIPE.stop();
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    Money money;
    @Autowired
    Commissions commissions;
    @Autowired
    Catalog catalog;

    MoneyScene scene;

    @BeforeEach
    void scene() {
        MoneyRecordingIntegrationTests.stubStripe(STRIPE);
        scene = new MoneyScene(context);
        if (commissions.inForce().block().isEmpty()) {
            commissions.set(new CommissionChange(CommissionRate.Scope.ONLINE, OcopGroup.FOOD, null, Percent.of("10"), null), "admin").block();
        }
    }

    private PayoutOrder payout(long amount, boolean beyondOwed) {
        return new PayoutOrder(UUID.randomUUID(), amount, catalog.today(), "VCB 0011", null, beyondOwed);
    }

    private Statement today() {
        return money.statement(scene.coop, catalog.today(), catalog.today()).block();
    }

    @Test
    void theMarketplaceOwesCardsLessCommissionLessTheCommissionOnCashTheProducerCollected() {
        Order card = scene.place(PaymentMethod.CARD, false, List.of(line(scene.rice, 5)));   // 300,000 đ + shipping
        scene.pay(card, "evt_" + UUID.randomUUID());
        scene.deliver(scene.place(PaymentMethod.COD, false, List.of(line(scene.rice, 2)))); // 120,000 đ + shipping, kept by the co-op

        long owed = card.total().dong() - 30_000 - 12_000;
        assertThat(today().marketplace().closing()).isEqualTo(owed);
        assertThatThrownBy(() -> money.pay(scene.coop, payout(owed + 1, false), "admin").block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.MORE_THAN_OWED));
        assertThat(today().payouts()).as("nothing written").isEmpty();

        PayoutOrder all = payout(owed, false);
        money.pay(scene.coop, all, "admin").block();
        money.pay(scene.coop, all, "admin").block();

        Statement after = today();
        assertThat(after.payouts()).extracting(Statement.PayoutLine::amount, Statement.PayoutLine::bankReference).containsExactly(
                org.assertj.core.groups.Tuple.tuple(owed, "VCB 0011"));
        assertThat(after.marketplace().closing()).isZero();
        assertThat(after.totals().paidOut()).isEqualTo(owed);
    }

    @Test
    void payingMoreThanOwedIsRecordedWhenTheRequestSaysSo() {
        money.pay(scene.coop, payout(50_000, true), "admin").block();

        assertThat(today().marketplace().closing()).as("the producer now owes the advance back").isEqualTo(-50_000);
    }

    @Test
    void anOutletSettlesWhatItHoldsForTheProducer() {
        UUID sale = UUID.randomUUID();
        scene.tillSale(sale, scene.rice, 3, null, java.time.OffsetDateTime.now());
        money.tillSalesSynced(List.of(sale)).block();
        Statement.Balance outlet = today().balances().stream().filter(b -> b.holder().kind() == Holder.Kind.SHOWROOM).findFirst().orElseThrow();
        assertThat(outlet.closing()).isEqualTo(180_000);

        assertThatThrownBy(() -> money.pay(scene.coop, new PayoutOrder(UUID.randomUUID(), 180_001, catalog.today(), "tiền mặt", scene.showroom, false), "admin").block())
                .isInstanceOf(OrdersException.class);
        money.pay(scene.coop, new PayoutOrder(UUID.randomUUID(), 180_000, catalog.today(), "tiền mặt", scene.showroom, false), "admin").block();

        Statement after = today();
        assertThat(after.balances()).filteredOn(b -> b.holder().kind() == Holder.Kind.SHOWROOM).extracting(Statement.Balance::closing).containsExactly(0L);
        assertThat(after.marketplace().closing()).isZero();
        assertThat(after.totals().adds()).isTrue();
    }

    @Test
    void aPayoutInTheFutureOrForAnUnknownOutletIsRefused() {
        assertThatThrownBy(() -> money.pay(scene.coop, new PayoutOrder(UUID.randomUUID(), 1, catalog.today().plusDays(1), "x", null, true), "a").block())
                .isInstanceOfSatisfying(InvalidMoneyRequest.class, e -> assertThat(e.errors()).extracting(InvalidMoneyRequest.FieldError::field).containsExactly("paidOn"));
        assertThatThrownBy(() -> money.pay(scene.coop, new PayoutOrder(UUID.randomUUID(), 1, catalog.today(), "x", vn.ocop.catalog.LocationId.random(), true), "a").block())
                .isInstanceOfSatisfying(InvalidMoneyRequest.class, e -> assertThat(e.errors()).extracting(InvalidMoneyRequest.FieldError::field).containsExactly("fromLocationId"));
    }
}

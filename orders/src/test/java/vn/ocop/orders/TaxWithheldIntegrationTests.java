package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.orders.MoneyScene.line;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.YearMonth;
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

/**
 * Tax withheld (Decree 117/2025/NĐ-CP): for a household business, 1 % VAT and 0.5 % PIT of every card payment the
 * marketplace collects for it (its shipping fee included), given back with a refund; nothing on cash the marketplace
 * never held, nothing for a co-op; and the month's lines for filing.
 */
@SpringBootTest(classes = OrdersTestApplication.class)
@vn.ocop.catalog.testing.OwnDatabase
class TaxWithheldIntegrationTests {

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
    Catalog catalog;

    MoneyScene scene;

    @BeforeEach
    void scene() {
        MoneyRecordingIntegrationTests.stubStripe(STRIPE);
        scene = new MoneyScene(context);
    }

    @Test
    void aHouseholdsCardPaymentsWithholdOnePercentVatAndHalfAPercentPitRefundsGiveItBackAndCashWithholdsNothing() {
        Order kept = scene.place(PaymentMethod.CARD, false, List.of(line(scene.honey, 3), line(scene.tea, 1)));
        scene.pay(kept, "evt_" + UUID.randomUUID());
        Order refunded = scene.place(PaymentMethod.CARD, true, List.of(line(scene.honey, 1)));
        scene.pay(refunded, "evt_" + UUID.randomUUID());
        scene.cancel(refunded);
        scene.deliver(scene.place(PaymentMethod.COD, false, List.of(line(scene.honey, 2))));

        long card = kept.total().dong();
        long shipping = kept.fulfilments().get(0).shipping().dong();
        Statement s = money.statement(scene.household, catalog.today(), catalog.today()).block();
        assertThat(s.household()).isTrue();
        assertThat(s.totals().vat()).as("1 %% of the honey with its shipping fee and of the tea, each rounded").isEqualTo(
                Percent.of("1").of(300_000 + shipping) + Percent.of("1").of(45_000));
        assertThat(s.totals().pit()).isEqualTo(Percent.of("0.5").of(300_000 + shipping) + Percent.of("0.5").of(45_000));
        assertThat(card).isEqualTo(345_000 + shipping);

        TaxWithheld month = money.taxWithheld(scene.household, YearMonth.from(catalog.today())).block();
        assertThat(month.lines()).extracting(TaxWithheld.Line::kind)
                .containsExactlyInAnyOrder(MoneyKind.CARD_PAID, MoneyKind.CARD_PAID, MoneyKind.CARD_PAID, MoneyKind.CARD_REFUNDED);
        assertThat(month.vat()).isEqualTo(s.totals().vat());
        assertThat(month.pit()).isEqualTo(s.totals().pit());
        assertThat(month.amount()).isEqualTo(card);
        assertThat(month.lines()).allSatisfy(l -> assertThat(l.vatRate()).isEqualTo(Percent.of("1")));
    }

    @Test
    void nothingIsWithheldForAProducerThatIsNotAHouseholdBusiness() {
        Order order = scene.place(PaymentMethod.CARD, false, List.of(line(scene.rice, 2)));
        scene.pay(order, "evt_" + UUID.randomUUID());

        Statement s = money.statement(scene.coop, catalog.today(), catalog.today()).block();
        assertThat(s.household()).isFalse();
        assertThat(s.totals().taxWithheld()).isZero();
        assertThat(s.totals().collected()).isEqualTo(order.total().dong());
        assertThat(money.taxWithheld(scene.coop, YearMonth.from(catalog.today())).block().lines()).isEmpty();
    }
}

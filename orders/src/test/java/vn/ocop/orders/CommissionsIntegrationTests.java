package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ocop.orders.MoneyScene.line;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.testing.MutableClock;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;

/**
 * Commission history: a rate applies from its day (Asia/Ho_Chi_Minh) to every sale of that day on, a change never
 * reprices an earlier day, and every rate set stays in the history.
 */
@SpringBootTest(classes = OrdersTestApplication.class)
@Import(CommissionsIntegrationTests.Clocks.class)
@OwnDatabase
class CommissionsIntegrationTests {

    static final WireMockServer STRIPE = new WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1").globalTemplating(true));
    /** 09:00 in Hà Nội on Monday 23 November 2026. */
    static final Instant MONDAY_9AM = Instant.parse("2026-11-23T02:00:00Z");

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

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock(MONDAY_9AM);
        }
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    Commissions commissions;
    @Autowired
    Money money;
    @Autowired
    MutableClock clock;
    @Autowired
    Catalog catalog;
    @Autowired
    DatabaseClient db;

    MoneyScene scene;
    LocalDate monday;

    @BeforeEach
    void scene() {
        MoneyRecordingIntegrationTests.stubStripe(STRIPE);
        clock.set(MONDAY_9AM);
        scene = new MoneyScene(context);
        monday = catalog.today();
    }

    /** Sets an online rate; the clock moves on a minute, so rates set one after another are told apart by when. */
    private CommissionRate set(OcopGroup group, String percent, LocalDate from) {
        clock.set(clock.instant().plusSeconds(60));
        return commissions.set(new CommissionChange(CommissionRate.Scope.ONLINE, group, null, Percent.of(percent), from), "admin@ocop.vn").block();
    }

    private long commissionOn(LocalDate day) {
        return money.statement(scene.coop, day, day).block().totals().commission();
    }

    private void codSaleOfRice(int quantity) {
        Order order = scene.place(PaymentMethod.COD, false, List.of(line(scene.rice, quantity)));
        scene.deliver(order);
    }

    @Test
    void aRateChangeAppliesFromItsDayOnAndNeverRepricesAnEarlierDay() {
        set(OcopGroup.HANDICRAFT, "3", null); // another group's rate changes nothing for food
        set(OcopGroup.FOOD, "10", null);
        set(OcopGroup.FOOD, "5", monday.plusDays(2)); // set on Monday for Wednesday
        codSaleOfRice(1);                              // Monday: 60,000 đ at 10 %
        clock.set(MONDAY_9AM.plus(Duration.ofDays(1)));
        codSaleOfRice(2);                              // Tuesday: 120,000 đ, still 10 %
        clock.set(MONDAY_9AM.plus(Duration.ofDays(2)));
        codSaleOfRice(1);                              // Wednesday: 5 %
        long mondayBefore = commissionOn(monday);
        set(OcopGroup.FOOD, "7.25", null);             // changed again on Wednesday: it applies to all of Wednesday
        codSaleOfRice(1);

        assertThat(mondayBefore).isEqualTo(6_000);
        assertThat(commissionOn(monday)).as("Monday is never repriced").isEqualTo(6_000);
        assertThat(commissionOn(monday.plusDays(1))).isEqualTo(12_000);
        assertThat(commissionOn(monday.plusDays(2))).as("7.25 %% of 2 × 60,000 đ").isEqualTo(8_700);
        assertThat(commissions.history().filter(r -> r.scope() == CommissionRate.Scope.ONLINE).collectList().block())
                .extracting(r -> r.group() + " " + r.percent() + " from " + r.effectiveFrom())
                .containsExactly("FOOD 7.25 from " + monday.plusDays(2), "FOOD 5 from " + monday.plusDays(2), "FOOD 10 from " + monday,
                        "HANDICRAFT 3 from " + monday);
        assertThat(commissions.inForce().block()).filteredOn(r -> r.scope() == CommissionRate.Scope.ONLINE).extracting(r -> r.group() + " " + r.percent())
                .containsExactly("FOOD 7.25", "HANDICRAFT 3");
    }

    @Test
    void aTillSaleIsPricedOnTheDayItWasRungUpEvenWhenItArrivesLater() {
        OffsetDateTime mondayNoon = OffsetDateTime.now(clock).plusHours(3);
        clock.set(MONDAY_9AM.plus(Duration.ofDays(1)));
        commissions.set(new CommissionChange(CommissionRate.Scope.CONSIGNMENT, null, scene.showroom, Percent.of("20"), null), "admin").block();
        UUID offline = UUID.randomUUID();
        UUID today = UUID.randomUUID();
        scene.tillSale(offline, scene.rice, 1, 50_000L, mondayNoon);                 // rung up Monday, synced Tuesday
        scene.tillSale(today, scene.rice, 1, 50_000L, OffsetDateTime.now(clock));
        money.tillSalesSynced(List.of(offline, today)).block();

        assertThat(money.statement(scene.coop, monday, monday).block().totals().consignment()).as("no consignment rate on Monday").isZero();
        assertThat(money.statement(scene.coop, monday.plusDays(1), monday.plusDays(1)).block().totals().consignment()).isEqualTo(10_000);
    }

    @Test
    void aRateIsNeverSetForThePastNorAboveFiftyPercentNorForAWarehouse() {
        long rates = commissions.history().count().block();
        assertThatThrownBy(() -> set(OcopGroup.FOOD, "10", monday.minusDays(1)))
                .isInstanceOfSatisfying(InvalidMoneyRequest.class, e -> assertThat(e.errors()).extracting(InvalidMoneyRequest.FieldError::field)
                        .containsExactly("effectiveFrom"));
        assertThatThrownBy(() -> set(OcopGroup.FOOD, "50.5", null))
                .isInstanceOfSatisfying(InvalidMoneyRequest.class, e -> assertThat(e.errors()).extracting(InvalidMoneyRequest.FieldError::field)
                        .containsExactly("percent"));
        var warehouse = new StockFixtures(db).warehouse(scene.coop).block();
        assertThatThrownBy(() -> commissions.set(new CommissionChange(CommissionRate.Scope.CONSIGNMENT, null, warehouse, Percent.of("10"), null), "a").block())
                .isInstanceOfSatisfying(InvalidMoneyRequest.class, e -> assertThat(e.errors()).extracting(InvalidMoneyRequest.FieldError::field)
                        .containsExactly("locationId"));
        assertThat(commissions.history().count().block()).as("nothing written").isEqualTo(rates);
    }
}

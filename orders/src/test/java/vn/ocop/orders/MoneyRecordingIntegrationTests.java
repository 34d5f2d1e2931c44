package vn.ocop.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.ocop.orders.MoneyScene.line;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.catalog.stock.MovementResult;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.stock.SyncAnswer;
import vn.ocop.catalog.testing.OwnDatabase;

/**
 * Every money event is recorded once, where it happens: card payments, cash on delivery and at pickup in the order's
 * move (its own transaction), card refunds where the refund is made, till sales after each sync batch or by the
 * catch-up run; a replayed webhook, delivery, handover or sync adds nothing.
 */
@SpringBootTest(classes = OrdersTestApplication.class)
@OwnDatabase
class MoneyRecordingIntegrationTests {

    static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));

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
    DatabaseClient db;

    MoneyScene scene;

    @BeforeEach
    void scene() {
        stubStripe(STRIPE);
        scene = new MoneyScene(context);
    }

    static void stubStripe(WireMockServer stripe) {
        stripe.resetAll();
        StripeFixtures.intentsAreMade(stripe);
        StripeFixtures.refundsAre(stripe, "succeeded");
    }

    record Row(String kind, UUID fulfilment, String group, long goods, long shipping, long amount, String holder, UUID holderLocation,
               String channel) {
    }

    List<Row> rows(String where, Object key) {
        return db.sql("select kind, fulfilment_id, ocop_group, goods_vnd, shipping_vnd, amount_vnd, holder, holder_location_id, channel"
                        + " from money_event where " + where + " order by seq")
                .bind("key", key)
                .map((r, md) -> new Row(r.get("kind", String.class), r.get("fulfilment_id", UUID.class), r.get("ocop_group", String.class),
                        r.get("goods_vnd", Long.class), r.get("shipping_vnd", Long.class), r.get("amount_vnd", Long.class),
                        r.get("holder", String.class), r.get("holder_location_id", UUID.class), r.get("channel", String.class)))
                .all().collectList().block();
    }

    @Test
    void aCardPaymentIsOneRowPerParcelHeldByTheMarketplaceAndAReplayedWebhookAddsNothing() {
        Order order = scene.place(PaymentMethod.CARD, false, List.of(line(scene.honey, 2), line(scene.rice, 1)));
        assertThat(rows("order_id = :key", order.id().value())).as("nothing is paid yet").isEmpty();

        scene.pay(order, "evt_paid_1");
        scene.pay(order, "evt_paid_1");
        scene.pay(order, "evt_paid_2"); // Stripe may send a second event for the same payment

        assertThat(rows("order_id = :key", order.id().value()))
                .extracting(Row::kind, Row::fulfilment, Row::amount, Row::holder, Row::channel)
                .containsExactlyInAnyOrderElementsOf(order.fulfilments().stream()
                        .map(f -> org.assertj.core.groups.Tuple.tuple("CARD_PAID", f.id(), f.total().dong(), "MARKETPLACE", "ONLINE_DELIVERY")).toList());
    }

    @Test
    void aParcelOfTwoGroupsGivesOneRowPerGroupWithItsShippingFeeOnTheFirst() {
        Order order = scene.place(PaymentMethod.CARD, false, List.of(line(scene.honey, 1), line(scene.tea, 2)));
        scene.pay(order, "evt_" + UUID.randomUUID());

        Fulfilment parcel = order.fulfilments().get(0);
        assertThat(order.fulfilments()).hasSize(1);
        assertThat(rows("order_id = :key", order.id().value()))
                .extracting(Row::group, Row::goods, Row::shipping, Row::amount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("FOOD", 100_000L, parcel.shipping().dong(), 100_000L + parcel.shipping().dong()),
                        org.assertj.core.groups.Tuple.tuple("DRINKS", 90_000L, 0L, 90_000L));
    }

    @Test
    void cashOnDeliveryIsHeldByTheProducerOnceDeliveredAndOnlyOnce() {
        Order order = scene.place(PaymentMethod.COD, false, List.of(line(scene.honey, 1), line(scene.rice, 3)));
        scene.deliver(order);
        assertThatThrownBy(() -> scene.deliver(order)).isInstanceOf(OrdersException.class);

        assertThat(rows("order_id = :key", order.id().value()))
                .extracting(Row::kind, Row::amount, Row::holder)
                .containsExactlyInAnyOrderElementsOf(order.fulfilments().stream()
                        .map(f -> org.assertj.core.groups.Tuple.tuple("COD_COLLECTED", f.total().dong(), "PRODUCER")).toList());
    }

    @Test
    void paymentTakenAtPickupIsHeldByTheOutletThatHandedTheOrderOver() {
        Order order = scene.place(PaymentMethod.PAY_AT_PICKUP, true, List.of(line(scene.honey, 1), line(scene.rice, 1)));
        scene.handOver(order);

        assertThat(rows("order_id = :key", order.id().value()))
                .extracting(Row::kind, Row::holder, Row::holderLocation, Row::channel)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("PICKUP_PAID", "SHOWROOM", scene.showroom.value(), "ONLINE_PICKUP"))
                .hasSize(2);
    }

    @Test
    void aPaidCardOrderCancelledIsRefundedInTheLedgerOnceAgainstEachParcelWhenStripeSaysTheRefundSucceeded() {
        Order order = scene.place(PaymentMethod.CARD, true, List.of(line(scene.honey, 1), line(scene.rice, 2)));
        scene.pay(order, "evt_" + UUID.randomUUID());

        scene.cancel(order); // Stripe says the refund succeeded: the ledger learns it in the same transaction
        scene.cancel(order);

        List<Row> rows = rows("order_id = :key", order.id().value());
        assertThat(rows).extracting(Row::kind).containsExactlyInAnyOrder("CARD_PAID", "CARD_PAID", "CARD_REFUNDED", "CARD_REFUNDED");
        assertThat(rows.stream().filter(r -> r.kind().equals("CARD_REFUNDED")).mapToLong(Row::amount).sum())
                .isEqualTo(rows.stream().filter(r -> r.kind().equals("CARD_PAID")).mapToLong(Row::amount).sum())
                .isEqualTo(order.total().dong());
    }

    @Test
    void aTillSaleIsRecordedAfterItsBatchAtThePriceTheTillTookAndAReplayedBatchAddsNothing() {
        UUID movement = UUID.randomUUID();
        SyncAnswer first = scene.tillSale(movement, scene.honey, 2, 90_000L, OffsetDateTime.now().minusHours(3));
        assertThat(scene.money.tillSalesSynced(List.of(movement)).block()).isEqualTo(1);

        SyncAnswer again = scene.tillSale(movement, scene.honey, 2, 90_000L, OffsetDateTime.now().minusHours(3));
        assertThat(scene.money.tillSalesSynced(List.of(movement)).block()).isZero();
        assertThat(scene.money.catchUpTillSales().block()).as("the catch-up finds nothing new").isZero();

        assertThat(first.results().get(0).status()).isEqualTo(MovementResult.Status.APPLIED);
        assertThat(again.results().get(0).status()).isEqualTo(MovementResult.Status.DUPLICATE);
        assertThat(rows("movement_id = :key", movement)).extracting(Row::kind, Row::group, Row::amount, Row::holder, Row::holderLocation, Row::channel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TILL_SALE", OcopGroup.FOOD.name(), 180_000L, "SHOWROOM", scene.showroom.value(), "TILL"));
    }

    /**
     * A payout (or a refund) holds its producer's lock exclusively while it checks what is owed: a till sale of that
     * producer recorded meanwhile waits for it, and is written when it lets go (its lock and its row are one statement).
     */
    @Test
    void aTillSaleWaitsWhileAPayoutHoldsItsProducersLockAndIsRecordedWhenItLetsGo() throws Exception {
        UUID movement = UUID.randomUUID();
        scene.tillSale(movement, scene.honey, 1, 95_000L, OffsetDateTime.now().minusHours(1));
        var environment = context.getEnvironment();
        try (Connection payout = DriverManager.getConnection(environment.getProperty("spring.flyway.url"),
                environment.getProperty("spring.flyway.user"), environment.getProperty("spring.flyway.password", ""))) {
            payout.setAutoCommit(false);
            try (java.sql.Statement st = payout.createStatement()) {
                st.execute("select pg_advisory_xact_lock(hashtextextended('money:" + scene.household.value() + "', 0))");
            }
            CompletableFuture<Long> recorded = scene.money.tillSalesSynced(List.of(movement)).toFuture();
            await().atMost(Duration.ofSeconds(20)).until(() -> db.sql("select count(*) as n from pg_locks where locktype = 'advisory' and not granted"
                    + " and database = (select oid from pg_database where datname = current_database())")
                    .map((r, md) -> r.get("n", Long.class)).one().block() > 0);
            assertThat(rows("movement_id = :key", movement)).as("nothing is written while the payout holds the lock").isEmpty();
            assertThat(recorded).isNotDone();

            payout.commit();
            assertThat(recorded.get(20, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(rows("movement_id = :key", movement)).extracting(Row::kind, Row::amount).containsExactly(org.assertj.core.groups.Tuple.tuple("TILL_SALE", 95_000L));
    }

    @Test
    void aSaleSyncedButNotRecordedIsCaughtUpByTheScheduledRunAtTheListPrice() {
        UUID movement = UUID.randomUUID();
        scene.tillSale(movement, scene.tea, 3, null, OffsetDateTime.now().minusMinutes(5)); // the app died before recording it

        assertThat(rows("movement_id = :key", movement)).isEmpty();
        assertThat(scene.money.catchUpTillSales().block()).isGreaterThanOrEqualTo(1);
        assertThat(scene.money.catchUpTillSales().block()).isZero();
        assertThat(rows("movement_id = :key", movement)).extracting(Row::amount).containsExactly(3 * 45_000L);
    }

    @Test
    void aRefundOfPartOfACashSaleIsPaidBackByItsHolderOnceAndNeverBeyondWhatWasPaid() {
        Order order = scene.place(PaymentMethod.PAY_AT_PICKUP, true, List.of(line(scene.rice, 3)));
        scene.handOver(order);
        Fulfilment parcel = order.fulfilments().get(0);
        PartRefund damaged = new PartRefund(order.id(), parcel.id(), OcopGroup.FOOD, MoneyScene.vnd(60_000), MoneyScene.vnd(0), "complaint-1",
                OffsetDateTime.now());

        MoneyEvent first = scene.money.refunded(damaged, "admin").block();
        MoneyEvent again = scene.money.refunded(damaged, "admin").block();
        assertThatThrownBy(() -> scene.money.refunded(new PartRefund(order.id(), parcel.id(), OcopGroup.FOOD, MoneyScene.vnd(120_001),
                MoneyScene.vnd(0), "complaint-2", OffsetDateTime.now()), "admin").block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.MORE_THAN_PAID));
        assertThatThrownBy(() -> scene.money.refunded(new PartRefund(order.id(), UUID.randomUUID(), OcopGroup.FOOD, MoneyScene.vnd(1),
                MoneyScene.vnd(0), "complaint-3", OffsetDateTime.now()), "admin").block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.INVALID_STATE));

        assertThat(again).isEqualTo(first);
        assertThat(rows("order_id = :key", order.id().value())).extracting(Row::kind, Row::amount, Row::holder, Row::holderLocation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PICKUP_PAID", 180_000L, "SHOWROOM", scene.showroom.value()),
                        org.assertj.core.groups.Tuple.tuple("REFUND", 60_000L, "SHOWROOM", scene.showroom.value()));
        Statement s = scene.money.statement(scene.coop, first.pricedOn(), first.pricedOn()).block();
        assertThat(s.totals().refunded()).isEqualTo(60_000);
        assertThat(s.totals().adds()).isTrue();
    }

    @Test
    void theLedgerIsAppendOnly() {
        Order order = scene.place(PaymentMethod.COD, false, List.of(line(scene.rice, 1)));
        scene.deliver(order);

        assertThatThrownBy(() -> db.sql("update money_event set amount_vnd = 1 where order_id = :o").bind("o", order.id().value()).then().block())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("delete from money_event where order_id = :o").bind("o", order.id().value()).then().block())
                .hasMessageContaining("append-only");
    }
}

package vn.ocop.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ocop.orders.StripeFixtures.event;
import static vn.ocop.orders.StripeFixtures.intentOf;
import static vn.ocop.orders.StripeFixtures.paymentIntent;
import static vn.ocop.orders.StripeFixtures.sign;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.NoticeMailer;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.testing.MutableClock;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;

/**
 * Complaints on real PostgreSQL, with WireMock standing in for Stripe: the 7-day deadline, ownership, the card refund
 * keyed by the complaint, the cash refund owed by the producer, deciding twice, and goods returned once.
 */
@SpringBootTest(classes = OrdersTestApplication.class)
@Import(ComplaintsIntegrationTests.Fakes.class)
@OwnDatabase
class ComplaintsIntegrationTests {

    static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));
    static final String TEXT = "Hũ mật ong bị vỡ nắp khi nhận";

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
    static void stop() {
        STRIPE.stop();
    }

    /** Mail as sent, to read back (the application's SMTP sender and GreenMail are the storefront's). */
    record Mail(String to, String subject, String body) {
    }

    @TestConfiguration
    static class Fakes {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-12-06T03:00:00Z"));
        }

        @Bean
        List<Mail> outbox() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        NoticeMailer mailer(List<Mail> outbox) {
            return (to, subject, body) -> Mono.fromRunnable(() -> outbox.add(new Mail(to, subject, body)));
        }
    }

    @Autowired
    Checkout checkout;
    @Autowired
    Payments payments;
    @Autowired
    Orders orders;
    @Autowired
    Fulfilments fulfilments;
    @Autowired
    Complaints complaints;
    @Autowired
    Inventory inventory;
    @Autowired
    Catalog catalog;
    @Autowired
    DatabaseClient db;
    @Autowired
    MutableClock clock;
    @Autowired
    List<Mail> outbox;

    StockFixtures fixtures;
    ProducerId producer;
    ProductId honey;
    LocationId showroom;
    LocationId warehouse;
    UUID shopper;

    @BeforeEach
    void aDeliveredOrderCanBeMade() {
        STRIPE.resetAll();
        StripeFixtures.intentsAreMade(STRIPE);
        StripeFixtures.refundsAre(STRIPE, "pending");
        fixtures = new StockFixtures(db);
        producer = fixtures.catalog().producer("HTX Mật ong", null).block();
        honey = fixtures.sellableProduct(producer, "Mật ong bạc hà", catalog.today()).block();
        showroom = fixtures.showroom("Showroom", true).block();
        warehouse = fixtures.warehouse(producer).block();
        inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, honey, 20, OffsetDateTime.now(), null)), "staff").block();
        shopper = UUID.randomUUID();
        outbox.clear();
    }

    @Test
    void aComplaintOpensWithinSevenDaysOfDeliveryOnlyOnceAndNeverAfter() {
        Order order = delivered(PaymentMethod.COD);
        clock.set(clock.instant().plus(Duration.ofDays(6)));
        Complaint c = complaints.open(shopper, order.id(), 1, ComplaintReason.DAMAGED, TEXT, List.of(), "mai").block();

        assertThat(c.status()).isEqualTo(ComplaintStatus.OPEN);
        assertThat(outbox).extracting(Mail::subject).contains("Đã nhận khiếu nại về đơn hàng " + order.code());
        refused(() -> complaints.open(shopper, order.id(), 1, ComplaintReason.WRONG_ITEM, TEXT, List.of(), "mai").block(), OrdersErrorCode.ALREADY_COMPLAINED);

        Order late = delivered(PaymentMethod.COD);
        clock.set(clock.instant().plus(Duration.ofDays(8)));
        refused(() -> complaints.open(shopper, late.id(), 1, ComplaintReason.DAMAGED, TEXT, List.of(), "mai").block(), OrdersErrorCode.COMPLAINT_DEADLINE_PASSED);
        assertThat(complaints.mine(shopper).collectList().block()).as("nothing written when refused").extracting(Complaint::id).containsExactly(c.id());
    }

    @Test
    void someoneElsesOrderOrComplaintIsNotFound() {
        Order order = delivered(PaymentMethod.COD);
        UUID stranger = UUID.randomUUID();
        refused(() -> complaints.open(stranger, order.id(), 1, ComplaintReason.DAMAGED, TEXT, List.of(), "kẻ lạ").block(), OrdersErrorCode.NOT_FOUND);
        Complaint c = complaints.open(shopper, order.id(), 1, ComplaintReason.DAMAGED, TEXT, List.of(), "mai").block();

        refused(() -> complaints.mine(stranger, c.id()).block(), OrdersErrorCode.NOT_FOUND);
        refused(() -> complaints.ofProducer(new ProducerId(UUID.randomUUID()), c.id()).block(), OrdersErrorCode.NOT_FOUND);
        refused(() -> complaints.dispute(new ProducerId(UUID.randomUUID()), c.id(), "Không phải của chúng tôi", "htx khác").block(), OrdersErrorCode.NOT_FOUND);
        refused(() -> complaints.escalate(stranger, c.id(), null, "kẻ lạ").block(), OrdersErrorCode.NOT_FOUND);
    }

    @Test
    void anAcceptedOfferOnACardOrderIsRefundedThroughStripeKeyedByTheComplaint() {
        Order order = delivered(PaymentMethod.CARD);
        Complaint c = complaints.open(shopper, order.id(), 1, ComplaintReason.NOT_AS_DESCRIBED, TEXT, List.of(), "mai").block();
        complaints.offer(producer, c.id(), new Vnd(60_000), null, "Xin lỗi, hoàn một phần", "htx").block();
        Complaint resolved = complaints.acceptOffer(shopper, c.id(), "mai").block();

        assertThat(resolved.status()).isEqualTo(ComplaintStatus.RESOLVED);
        assertThat(resolved.cardRefund()).isNotNull();
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("complaint:" + c.id().value()))
                .withRequestBody(containing("amount=60000")).withRequestBody(containing("payment_intent=" + intentOf(order))));
        assertThat(payments.refunds(order.id()).collectList().block()).extracting(CardRefund::amount).containsExactly(new Vnd(60_000));
        assertThat(outbox).extracting(Mail::subject).contains("Khiếu nại về đơn hàng " + order.code() + " đã được giải quyết");

        complaints.settle(c.id()).block();
        assertThat(payments.refunds(order.id()).collectList().block()).as("settling again refunds nothing more").hasSize(1);
    }

    @Test
    void adminDecidesOnceACashRefundIsOwedByTheProducerAndGoodsComeBackOnce() {
        Order order = delivered(PaymentMethod.COD);
        long lineTotal = order.lines().get(0).total().dong();
        Complaint c = complaints.open(shopper, order.id(), 1, ComplaintReason.WRONG_ITEM, TEXT, List.of(), "mai").block();
        complaints.dispute(producer, c.id(), "Chúng tôi đã gửi đúng sản phẩm", "htx").block();
        assertThat(complaints.forAdmin().map(Complaint::id).collectList().block()).contains(c.id());

        refused(() -> complaints.decide(c.id(), new Vnd(lineTotal + 1), "Vượt quá dòng hàng", warehouse, "admin").block(), OrdersErrorCode.REFUND_EXCEEDS_LINE);
        int before = fixtures.stock(warehouse, honey).block().onHand();
        Complaint decided = complaints.decide(c.id(), new Vnd(lineTotal), "Sai sản phẩm, hoàn toàn bộ", warehouse, "admin").block();
        refused(() -> complaints.decide(c.id(), new Vnd(lineTotal), "Quyết định lần hai", warehouse, "admin").block(), OrdersErrorCode.INVALID_STATE);
        complaints.settle(c.id()).block();

        assertThat(decided.owed()).isTrue();
        assertThat(decided.via()).isEqualTo(RefundVia.PRODUCER);
        assertThat(db.sql("select refund_owed_at from complaint where id = :id").bind("id", c.id().value())
                .map((row, md) -> row.get(0, OffsetDateTime.class)).one().block()).isNotNull();
        STRIPE.verify(0, postRequestedFor(urlEqualTo("/v1/refunds")));
        assertThat(fixtures.stock(warehouse, honey).block().onHand()).as("one RECEIPT of the line's quantity").isEqualTo(before + 2);
        assertThat(db.sql("select count(*) from stock_movement where reference = :r").bind("r", "complaint:" + c.id().value())
                .map((row, md) -> row.get(0, Long.class)).one().block()).isEqualTo(1L);

        Complaint paid = complaints.paidBackByProducer(producer, c.id(), "htx").block();
        assertThat(paid.owed()).isFalse();
        assertThat(outbox).extracting(Mail::subject).contains("Đã hoàn tiền cho khiếu nại về đơn hàng " + order.code());
    }

    @Test
    void aProducerReturnsGoodsOnlyToItsOwnLocations() {
        Order order = delivered(PaymentMethod.COD);
        Complaint c = complaints.open(shopper, order.id(), 1, ComplaintReason.DAMAGED, TEXT, List.of(), "mai").block();
        refused(() -> complaints.offer(producer, c.id(), new Vnd(1_000), showroom, null, "htx").block(), OrdersErrorCode.INVALID_REQUEST);
        assertThat(complaints.get(c.id()).block().status()).isEqualTo(ComplaintStatus.OPEN);
    }

    /** Placed, paid (card), confirmed, shipped and delivered now by the producer. */
    private Order delivered(PaymentMethod payment) {
        Order order = checkout.place(new OrderRequest(UUID.randomUUID().toString(), shopper, List.of(new OrderRequest.Line(honey, 2)),
                new Contact("Nguyễn Thị Mai", "0912345678", "mai@example.vn"), Destination.delivery("01", "00070", "25 Hàng Bạc"), payment)).block().order();
        if (payment == PaymentMethod.CARD) {
            String payload = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded",
                    paymentIntent(intentOf(order), "succeeded", order.total().dong(), "ch_" + order.id().value(), null));
            payments.webhook(payload, sign(payload)).block();
        }
        UUID parcel = order.fulfilments().get(0).id();
        fulfilments.confirm(producer, parcel, "htx").block();
        fulfilments.ship(producer, parcel, "htx").block();
        fulfilments.delivered(producer, parcel, payment == PaymentMethod.COD ? order.fulfilments().get(0).total() : null, "htx").block();
        return orders.mine(shopper, order.id()).block();
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, OrdersErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}

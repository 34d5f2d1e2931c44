package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.LotId;
import vn.ocop.catalog.stock.LotRef;
import vn.ocop.catalog.lots.Lots;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.NoticeMailer;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;
import vn.ocop.catalog.testing.StockFixtures.Stock;

/**
 * A lot's recall reaching orders on real PostgreSQL: a reservation moved to another lot, the order line cancelled
 * when no other lot covers it (its parcel when it was the parcel's last line, the whole order when nothing else is open), units handed over noticed, one e-mail per order.
 */
@SpringBootTest(classes = OrdersTestApplication.class)
@Import(RecallsIntegrationTests.Fakes.class)
@OwnDatabase
class RecallsIntegrationTests {

    record Mail(String to, String subject, String body) {
    }

    @TestConfiguration
    static class Fakes {
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
    Orders orders;
    @Autowired
    Pickups pickups;
    @Autowired
    Recalls recalls;
    @Autowired
    Lots lots;
    @Autowired
    Inventory inventory;
    @Autowired
    Catalog catalog;
    @Autowired
    DatabaseClient db;
    @Autowired
    List<Mail> outbox;

    StockFixtures fixtures;
    LocalDate today;
    ProducerId honeyMaker;
    ProducerId teaMaker;
    ProductId honey;
    ProductId tea;
    LocationId showroom;
    UUID shopper;

    @BeforeEach
    void showroomWithHoneyAndTea() {
        fixtures = new StockFixtures(db);
        today = catalog.today();
        honeyMaker = fixtures.catalog().producerIn("HTX Mật ong", "Hà Nội").block();
        teaMaker = fixtures.catalog().producerIn("HTX Chè", "Hà Nội").block();
        honey = fixtures.sellableProduct(honeyMaker, "Mật ong bạc hà", today).block();
        tea = fixtures.sellableProduct(teaMaker, "Chè Shan tuyết", today).block();
        showroom = fixtures.showroom("Showroom OCOP Hà Nội", true).block();
        shopper = UUID.randomUUID();
        receive(tea, "T-1", today.plusDays(300), 20);
        outbox.clear();
    }

    @Test
    void aReservationIsMovedToAnotherLotAndTheShopperIsToldOnce() {
        receive(honey, "H-SOON", today.plusDays(20), 5);
        receive(honey, "H-LATE", today.plusDays(200), 5);
        Order order = pickup(PaymentMethod.PAY_AT_PICKUP, new OrderRequest.Line(honey, 2));

        LotRecallOutcome outcome = recalls.byProducer(honeyMaker, lot(honey, "H-SOON"), "Nhiễm nấm men", "htx@demo").block();

        assertThat(outcome.recall().swapped()).extracting(h -> h.reference()).containsExactly("order:" + order.id().value());
        assertThat(outcome.orders()).singleElement().satisfies(n -> {
            assertThat(n.order()).isEqualTo(order.id());
            assertThat(n.swapped()).isTrue();
            assertThat(n.cancelled()).isFalse();
        });
        assertThat(orders.mine(shopper, order.id()).block().status()).isEqualTo(OrderStatus.PLACED);
        assertThat(outbox).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("mai@example.vn");
            assertThat(m.subject()).contains("H-SOON", order.code());
            assertThat(m.body()).contains("Nhiễm nấm men", "đổi sang lô khác");
        });
        assertThat(recalls.on(order.id()).collectList().block()).hasSize(1);
    }

    @Test
    void aPartNoOtherLotCoversIsCancelledWithTheReasonAndTheRestStays() {
        receive(honey, "H-ONLY", today.plusDays(20), 5);
        Order order = pickup(PaymentMethod.PAY_AT_PICKUP, new OrderRequest.Line(honey, 2), new OrderRequest.Line(tea, 1));
        assertThat(order.fulfilments()).hasSize(2);

        LotRecallOutcome outcome = recalls.byProducer(honeyMaker, lot(honey, "H-ONLY"), "Sai nhãn", "htx@demo").block();

        Order after = orders.mine(shopper, order.id()).block();
        assertThat(after.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(after.fulfilments()).filteredOn(f -> f.producer().equals(honeyMaker)).singleElement()
                .extracting(Fulfilment::status).isEqualTo(FulfilmentStatus.CANCELLED);
        assertThat(after.history()).filteredOn(e -> e.kind() == OrderEvent.Kind.CANCELLED).singleElement()
                .extracting(OrderEvent::reason).isEqualTo(CancelReason.RECALLED);
        assertThat(after.dueAtPickup()).as("only the tea is still to pay").isEqualTo(after.fulfilments().stream()
                .filter(f -> f.producer().equals(teaMaker)).findFirst().orElseThrow().total());
        assertThat(fixtures.stock(showroom, honey).block()).as("the honey's reservation went back").isEqualTo(new Stock(5, 0));
        assertThat(outcome.orders()).singleElement().satisfies(n -> assertThat(n.cancelled()).isTrue());
        assertThat(outbox).singleElement().satisfies(m -> assertThat(m.body()).contains("đã bị hủy"));
        assertThat(recalls.byProducer(honeyMaker, lot(honey, "H-ONLY"), "Sai nhãn", "htx@demo").block())
                .as("asking again answers the same and sends nothing").isEqualTo(outcome);
        assertThat(outbox).hasSize(1);
    }

    @Test
    void onlyTheLineHoldingTheLotIsCancelledAndTheRestOfItsParcelStays() {
        ProductId longan = fixtures.sellableProduct(honeyMaker, "Mật ong hoa nhãn", today).block();
        receive(honey, "H-BAD", today.plusDays(40), 5);
        receive(longan, "N-OK", today.plusDays(200), 5);
        Order order = pickup(PaymentMethod.PAY_AT_PICKUP, new OrderRequest.Line(honey, 2), new OrderRequest.Line(longan, 1));
        assertThat(order.fulfilments()).as("one producer at one showroom: one parcel").hasSize(1);
        Order.Line honeyLine = order.lines().stream().filter(l -> l.product().equals(honey)).findFirst().orElseThrow();
        Order.Line longanLine = order.lines().stream().filter(l -> l.product().equals(longan)).findFirst().orElseThrow();

        LotRecallOutcome outcome = recalls.byProducer(honeyMaker, lot(honey, "H-BAD"), "Lên men", "htx@demo").block();

        Order after = orders.mine(shopper, order.id()).block();
        assertThat(after.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(after.fulfilments().get(0).status()).as("the parcel goes on with the other line").isEqualTo(FulfilmentStatus.PLACED);
        assertThat(after.lines()).extracting(Order.Line::number, Order.Line::cancelled)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(honeyLine.number(), CancelReason.RECALLED),
                        org.assertj.core.groups.Tuple.tuple(longanLine.number(), null));
        assertThat(after.history()).filteredOn(e -> e.kind() == OrderEvent.Kind.LINE_CANCELLED).singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(honeyLine.number()));
        assertThat(after.dueAtPickup()).as("only the longan honey is still to pay").isEqualTo(longanLine.total());
        assertThat(fixtures.stock(showroom, honey).block()).as("the honey's reservation went back").isEqualTo(new Stock(5, 0));
        assertThat(fixtures.stock(showroom, longan).block()).as("the other line keeps its own").isEqualTo(new Stock(5, 1));
        assertThat(outcome.orders()).singleElement().satisfies(n -> assertThat(n.cancelled()).isTrue());
        assertThat(outbox).singleElement().satisfies(m -> assertThat(m.body()).contains("Lên men", "đã bị hủy và không tính tiền.").doesNotContain("thẻ"));

        pickups.markReady(showroom, after.fulfilments().get(0).id(), "staff").block();
        pickups.handOver(showroom, order.pickupCode(), MoneyTaken.Method.CASH, longanLine.total(), "staff").block();
        assertThat(fixtures.stock(showroom, longan).block()).as("the open line leaves").isEqualTo(new Stock(4, 0));
        assertThat(fixtures.stock(showroom, honey).block()).as("the cancelled line stays home").isEqualTo(new Stock(5, 0));
    }

    @Test
    void anOrderWhoseOnlyPartHeldTheLotIsCancelledWhole() {
        receive(honey, "H-ONE", today.plusDays(20), 5);
        Order order = pickup(PaymentMethod.PAY_AT_PICKUP, new OrderRequest.Line(honey, 3));

        recalls.byProducer(honeyMaker, lot(honey, "H-ONE"), "Sai nhãn", "htx@demo").block();

        Order after = orders.mine(shopper, order.id()).block();
        assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(after.cancellation()).get().extracting(OrderEvent::reason).isEqualTo(CancelReason.RECALLED);
        assertThat(fixtures.stock(showroom, honey).block()).isEqualTo(new Stock(5, 0));
    }

    @Test
    void aCompletedPickupThatReceivedTheLotIsNoticedAndMailedOnceEvenWhenTheRecallIsRetried() {
        receive(honey, "H-SOLD", null, 5);
        Order order = pickup(PaymentMethod.PAY_AT_PICKUP, new OrderRequest.Line(honey, 2));
        pickups.markReady(showroom, order.fulfilments().get(0).id(), "staff").block();
        pickups.handOver(showroom, order.pickupCode(), MoneyTaken.Method.CASH, order.total(), "staff").block();
        outbox.clear();
        LotId lot = lot(honey, "H-SOLD");

        LotRecallOutcome first = recalls.byProducer(honeyMaker, lot, "Nhiễm khuẩn", "htx@demo").block();
        LotRecallOutcome again = recalls.byProducer(honeyMaker, lot, "Nhiễm khuẩn", "htx@demo").block();

        assertThat(first.orders()).singleElement().satisfies(n -> {
            assertThat(n.received()).isTrue();
            assertThat(n.reason()).isEqualTo("Nhiễm khuẩn");
        });
        assertThat(again).isEqualTo(first);
        assertThat(outbox).singleElement().satisfies(m -> assertThat(m.body()).contains("ngừng sử dụng"));
        assertThat(orders.mine(shopper, order.id()).block().status()).isEqualTo(OrderStatus.COMPLETED);
    }

    @Test
    void anotherProducersLotIsNotFoundAndNothingIsSent() {
        receive(honey, "H-X", null, 5);
        pickup(PaymentMethod.PAY_AT_PICKUP, new OrderRequest.Line(honey, 1));

        assertThatThrownBy(() -> recalls.byProducer(teaMaker, lot(honey, "H-X"), "Sai nhãn", "che@demo").block())
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.NOT_FOUND));
        assertThat(outbox).isEmpty();
    }

    /** A pickup order at the showroom; the mail saying it was placed is cleared. */
    private Order pickup(PaymentMethod payment, OrderRequest.Line... lines) {
        Order order = checkout.place(new OrderRequest(UUID.randomUUID().toString(), shopper, List.of(lines),
                new Contact("Nguyễn Thị Mai", "0912345678", "mai@example.vn"), Destination.pickup(showroom), payment)).block().order();
        outbox.clear();
        return order;
    }

    private void receive(ProductId product, String code, LocalDate useBy, int quantity) {
        inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, product, quantity, OffsetDateTime.now(), null)
                .ofLot(new LotRef(code, null, useBy))), "staff").block();
    }

    private LotId lot(ProductId product, String code) {
        return lots.find(product, code).block().id();
    }
}

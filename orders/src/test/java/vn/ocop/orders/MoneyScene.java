package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.SyncAnswer;
import vn.ocop.catalog.stock.SyncBatch;
import vn.ocop.catalog.stock.TillKey;
import vn.ocop.catalog.stock.TillKeys;
import vn.ocop.catalog.stock.TillMovement;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.testing.StockFixtures;

/**
 * A small marketplace for the money tests, driven through the real facades: a household business (honey, FOOD at
 * 100,000 đ; tea, DRINKS at 45,000 đ) and a co-op (rice, FOOD at 60,000 đ), an outlet in Hà Nội that takes pickups,
 * holds everyone's goods on consignment and has a till, and a shopper. Card payments arrive as signed webhooks
 * (Stripe itself is WireMock, see {@link StripeFixtures}).
 */
final class MoneyScene {

    final ProducerId household;
    final ProducerId coop;
    final ProductId honey;
    final ProductId tea;
    final ProductId rice;
    final LocationId showroom;
    final TillKey till;
    final UUID shopper = UUID.randomUUID();

    private final Checkout checkout;
    private final Payments payments;
    private final Orders orders;
    private final Fulfilments fulfilments;
    private final Pickups pickups;
    private final Inventory inventory;
    final Money money;

    MoneyScene(ApplicationContext context) {
        checkout = context.getBean(Checkout.class);
        payments = context.getBean(Payments.class);
        orders = context.getBean(Orders.class);
        fulfilments = context.getBean(Fulfilments.class);
        pickups = context.getBean(Pickups.class);
        inventory = context.getBean(Inventory.class);
        money = context.getBean(Money.class);
        var fixtures = new StockFixtures(context.getBean(DatabaseClient.class));
        var today = context.getBean(Catalog.class).today();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        household = fixtures.catalog().producer("Hộ kinh doanh Mật ong " + tag, null, "HOUSEHOLD").block();
        coop = fixtures.catalog().producer("HTX Gạo " + tag, null, "COOPERATIVE").block();
        honey = fixtures.sellableProduct(household, "Mật ong bạc hà " + tag, today, OcopGroup.FOOD, 100_000).block();
        tea = fixtures.sellableProduct(household, "Chè Shan tuyết " + tag, today, OcopGroup.DRINKS, 45_000).block();
        rice = fixtures.sellableProduct(coop, "Gạo nếp cái hoa vàng " + tag, today, OcopGroup.FOOD, 60_000).block();
        showroom = fixtures.showroom("Showroom OCOP " + tag, true).block();
        till = context.getBean(TillKeys.class).issue(showroom, "Quầy 1").block().key();
        inventory.recordAtLocation(showroom, Flux.just(honey, tea, rice)
                .map(p -> Movement.of(UUID.randomUUID(), MovementType.RECEIPT, p, 100_000, OffsetDateTime.now(), null)).collectList().block(),
                "staff").block();
    }

    static OrderRequest.Line line(ProductId product, int quantity) {
        return new OrderRequest.Line(product, quantity);
    }

    /** An order of these lines, delivered to Hà Nội or collected at the showroom. */
    Order place(PaymentMethod payment, boolean pickup, List<OrderRequest.Line> lines) {
        Destination destination = pickup ? Destination.pickup(showroom) : Destination.delivery("01", "00070", "25 Hàng Bạc");
        return checkout.place(new OrderRequest(UUID.randomUUID().toString(), shopper, lines,
                new Contact("Nguyễn Thị Mai", "0912345678", "mai@example.vn"), destination, payment)).block().order();
    }

    /** Stripe says the card payment succeeded (an event of its own id each time: a replay sends the same {@code eventId}). */
    void pay(Order order, String eventId) {
        String payload = StripeFixtures.event(eventId, "payment_intent.succeeded",
                StripeFixtures.paymentIntent(StripeFixtures.intentOf(order), "succeeded", order.total().dong(), "ch_" + order.id().value(), null));
        payments.webhook(payload, StripeFixtures.sign(payload)).block();
    }

    void cancel(Order order) {
        orders.cancel(shopper, order.id(), CancelReason.CHANGED_MIND).block();
    }

    /** Every parcel confirmed, shipped and delivered by its producer, with the cash due collected for a COD order. */
    void deliver(Order order) {
        for (Fulfilment f : order.fulfilments()) {
            fulfilments.confirm(f.producer(), f.id(), "p@x.vn").block();
            fulfilments.ship(f.producer(), f.id(), "p@x.vn").block();
            fulfilments.delivered(f.producer(), f.id(), order.payment() == PaymentMethod.COD ? f.total() : null, "p@x.vn").block();
        }
    }

    /** Every parcel made ready by its producer, then the order handed over at the showroom against its code, the payment due taken. */
    void handOver(Order order) {
        for (Fulfilment f : order.fulfilments()) {
            fulfilments.confirm(f.producer(), f.id(), "p@x.vn").block();
        }
        Order ready = orders.mine(shopper, order.id()).block();
        boolean cash = order.payment() == PaymentMethod.PAY_AT_PICKUP;
        pickups.handOver(showroom, order.pickupCode(), cash ? MoneyTaken.Method.CASH : null, cash ? ready.dueAtPickup() : null, "staff@x.vn").block();
    }

    /** A till sale at the showroom (at {@code unitPrice}, or the list price when null), sent in one batch; answers the server. */
    SyncAnswer tillSale(UUID movement, ProductId product, int quantity, Long unitPrice, OffsetDateTime at) {
        return inventory.sync(new SyncBatch(showroom, till, "quay-1", null,
                List.of(new TillMovement(movement, "SALE", product.value(), null, quantity, null, null, at, unitPrice)))).block();
    }

    Order reread(Order order) {
        return orders.mine(shopper, order.id()).block();
    }

    static Vnd vnd(long dong) {
        return new Vnd(dong);
    }
}

package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;

/**
 * Shipping on the real database: each location and producer sends its own parcel, charged by the zone between
 * the location's province and the address and by the parcel's weight, from the table ADMIN keeps; and what each
 * producer sees of a mixed order.
 */
@SpringBootTest(classes = OrdersTestApplication.class)
@OwnDatabase
class ShippingIntegrationTests {

    static final Destination HOAN_KIEM = Destination.delivery("01", "00070", "12 Phố Hàng Bạc");
    static final Contact MAI = new Contact("Nguyễn Thị Mai", "0912345678", "mai@example.vn");

    @Autowired
    Checkout checkout;
    @Autowired
    Fulfilments fulfilments;
    @Autowired
    Shipping shipping;
    @Autowired
    Inventory inventory;
    @Autowired
    Catalog catalog;
    @Autowired
    DatabaseClient db;

    StockFixtures fixtures;
    ProducerId honeyMaker;
    ProducerId teaMaker;
    ProductId honey;
    ProductId tea;
    LocationId hanoi;
    LocationId saigon;
    RateTable starting;

    @BeforeEach
    void twoProducersInTwoProvinces() {
        fixtures = new StockFixtures(db);
        honeyMaker = fixtures.catalog().producer("HTX Mật ong", null).block();
        teaMaker = fixtures.catalog().producer("HTX Chè", null).block();
        honey = fixtures.sellableProduct(honeyMaker, "Mật ong bạc hà", catalog.today()).block();
        tea = fixtures.sellableProduct(teaMaker, "Chè Shan tuyết", catalog.today()).block();
        weigh(honey, 1200);
        weigh(tea, 300);
        hanoi = fixtures.showroom("Showroom Hà Nội", true).block();
        saigon = fixtures.showroomIn("TP. Hồ Chí Minh", "Showroom Sài Gòn", true).block();
        receive(hanoi, honey, 20);
        receive(saigon, tea, 20);
        starting = shipping.table().block();
    }

    @Test
    void eachLocationSendsItsOwnParcelChargedByZoneAndWeight() {
        Order order = place(List.of(new OrderRequest.Line(honey, 1), new OrderRequest.Line(tea, 2)), HOAN_KIEM, PaymentMethod.COD);

        Fulfilment fromHanoi = parcelFrom(order, hanoi);
        Fulfilment fromSaigon = parcelFrom(order, saigon);
        assertThat(fromHanoi.weightGrams()).isEqualTo(1200);
        assertThat(fromHanoi.shipping()).as("within Hà Nội, 1–2 kg").isEqualTo(new Vnd(26_000));
        assertThat(fromHanoi.window()).isEqualTo(new DeliveryWindow(1, 2));
        assertThat(fromSaigon.weightGrams()).isEqualTo(600);
        assertThat(fromSaigon.shipping()).as("South to North, 0.5–1 kg").isEqualTo(new Vnd(42_000));
        assertThat(fromSaigon.window()).isEqualTo(new DeliveryWindow(3, 5));
        assertThat(order.shipping()).isEqualTo(new Vnd(68_000));
        assertThat(order.total()).isEqualTo(order.linesTotal().plus(new Vnd(68_000)));
        assertThat(db.sql("select total_vnd, shipping_vnd from customer_order where id = :id").bind("id", order.id().value())
                .map((r, m) -> List.of(r.get("total_vnd", Long.class), r.get("shipping_vnd", Long.class))).one().block())
                .containsExactly(order.total().dong(), 68_000L);
    }

    @Test
    void aQuoteShowsTheParcelsAndFeesThatPlacingThenCharges() {
        Basket basket = new Basket(null, List.of(new OrderRequest.Line(honey, 5), new OrderRequest.Line(tea, 1)), Destination.delivery("79", null, null));

        Quote quote = checkout.quote(basket).block();

        assertThat(quote.parcels()).extracting(p -> p.from().id(), Quote.Parcel::weightGrams, Quote.Parcel::shipping)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(hanoi, 6000, new Vnd(68_000 + 2 * 7_000)),
                        org.assertj.core.groups.Tuple.tuple(saigon, 300, new Vnd(20_000)));
        Order placed = place(basket.lines(), Destination.delivery("79", "25747", "1 Lê Lợi"), PaymentMethod.COD);
        assertThat(placed.shipping()).isEqualTo(quote.shipping());
        assertThat(checkout.quote(new Basket(null, basket.lines().subList(1, 2), Destination.pickup(saigon))).block().shipping())
                .as("a pickup sends nothing").isEqualTo(new Vnd(0));
    }

    @Test
    void eachProducerSeesOnlyItsOwnParcelOfAMixedOrder() {
        Order order = place(List.of(new OrderRequest.Line(honey, 2), new OrderRequest.Line(tea, 1)), HOAN_KIEM, PaymentMethod.COD);

        List<ProducerFulfilment> honeys = fulfilments.ofProducer(honeyMaker).collectList().block();
        List<ProducerFulfilment> teas = fulfilments.ofProducer(teaMaker).collectList().block();

        assertThat(honeys).singleElement().satisfies(f -> {
            assertThat(f.orderCode()).isEqualTo(order.code());
            assertThat(f.parcel().lines()).extracting(Order.Line::product).containsExactly(honey);
            assertThat(f.shipFrom().id()).isEqualTo(hanoi);
            assertThat(f.recipient()).isEqualTo(new Recipient("Nguyễn Thị Mai", "0912345678"));
            assertThat(f.address()).isEqualTo(new DeliveryAddress("12 Phố Hàng Bạc", "Phường Hoàn Kiếm", "Thành phố Hà Nội"));
            assertThat(f.amountToCollect()).as("its lines and its own shipping fee").isEqualTo(f.parcel().linesTotal().plus(f.parcel().shipping()));
            assertThat(f.amountToCollect()).isNotEqualTo(order.total());
        });
        assertThat(teas).singleElement().satisfies(f -> {
            assertThat(f.parcel().lines()).extracting(Order.Line::product).containsExactly(tea);
            assertThat(f.shipFrom().id()).isEqualTo(saigon);
        });
    }

    @Test
    void aTableWithOverlappingOrMissingBandsIsRefusedAndNothingIsSaved() {
        RateTable broken = new RateTable(List.of(new RateTable.ZoneRates(ShippingZone.SAME_PROVINCE, 1, 2, List.of(
                new RateTable.WeightBand(0, 1000, new Vnd(15_000), new Vnd(0)), new RateTable.WeightBand(900, null, new Vnd(25_000), new Vnd(0))))));

        assertThatThrownBy(() -> shipping.replace(broken, "admin@x.vn").block())
                .isInstanceOfSatisfying(InvalidRateTable.class, e -> assertThat(e.errors()).extracting(InvalidRateTable.FieldError::field)
                        .contains("zones[0].bands[1].fromGrams", "zones"));
        assertThat(shipping.table().block()).isEqualTo(starting);

        RateTable cheaper = new RateTable(starting.zones().stream().map(z -> z.zone() != ShippingZone.SAME_PROVINCE ? z
                : new RateTable.ZoneRates(z.zone(), 0, 1, List.of(new RateTable.WeightBand(0, null, new Vnd(15_000), new Vnd(1_000))))).toList());
        assertThat(shipping.replace(cheaper, "admin@x.vn").block()).isEqualTo(cheaper);
        Order order = place(List.of(new OrderRequest.Line(honey, 1)), HOAN_KIEM, PaymentMethod.COD);
        assertThat(order.shipping()).as("15,000 and 3 started 500 g above 0").isEqualTo(new Vnd(18_000));
        assertThat(order.fulfilments().get(0).window()).isEqualTo(new DeliveryWindow(0, 1));
        assertThat(shipping.lastChange().block().by()).isEqualTo("admin@x.vn");
        shipping.replace(starting, "admin@x.vn").block();
    }

    private Order place(List<OrderRequest.Line> lines, Destination destination, PaymentMethod payment) {
        return checkout.place(new OrderRequest(UUID.randomUUID().toString(), UUID.randomUUID(), lines, MAI, destination, payment)).block().order();
    }

    private static Fulfilment parcelFrom(Order order, LocationId location) {
        return order.fulfilments().stream().filter(f -> f.location().equals(location)).findFirst().orElseThrow();
    }

    private void weigh(ProductId product, int grams) {
        db.sql("update product set shipping_weight_g = :g where id = :id").bind("g", grams).bind("id", product.value()).then().block();
    }

    private void receive(LocationId location, ProductId product, int quantity) {
        inventory.recordAtLocation(location, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, product, quantity, OffsetDateTime.now(), null)), "staff").block();
    }
}

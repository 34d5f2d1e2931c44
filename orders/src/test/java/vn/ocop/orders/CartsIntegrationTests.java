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
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;

/** Carts on the real database: prices read again, lines that can no longer be ordered said so, merging at sign-in. */
@SpringBootTest(classes = OrdersTestApplication.class)
@OwnDatabase
class CartsIntegrationTests {

    @Autowired
    Carts carts;
    @Autowired
    Inventory inventory;
    @Autowired
    Catalog catalog;
    @Autowired
    DatabaseClient db;

    StockFixtures fixtures;
    ProductId honey;
    ProductId tea;
    LocationId showroom;

    @BeforeEach
    void twoProductsInStock() {
        fixtures = new StockFixtures(db);
        ProducerId producer = fixtures.catalog().producer("HTX Mật ong", null).block();
        honey = fixtures.sellableProduct(producer, "Mật ong bạc hà", catalog.today()).block();
        tea = fixtures.sellableProduct(producer, "Chè Shan tuyết", catalog.today()).block();
        showroom = fixtures.showroom("Showroom", true).block();
        inventory.recordAtLocation(showroom, List.of(receipt(honey, 5), receipt(tea, 3)), "staff").block();
    }

    @Test
    void aProductNoLocationCanSupplyIsRefusedAsOutOfStockAndALineThatSoldOutSaysSo() {
        CartId cart = carts.anonymous(null).block();
        carts.add(cart, tea, 1).block();
        ProductId none = fixtures.sellableProduct(fixtures.catalog().producer("HTX Khác", null).block(), "Bánh pía", catalog.today()).block();

        assertThatThrownBy(() -> carts.add(cart, none, 1).block()).isInstanceOf(OutOfStock.class)
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.NOT_ENOUGH_STOCK));
        inventory.reserve(UUID.randomUUID(), showroom, tea, 3, "live-1", "live").block();

        assertThat(carts.view(cart).block().lines()).singleElement()
                .satisfies(l -> assertThat(l.stock()).isEqualTo(vn.ocop.catalog.stock.StockState.OUT_OF_STOCK))
                .satisfies(l -> assertThat(l.orderable()).isFalse());
    }

    @Test
    void linesArePricedNowAndAddingPastWhatIsAvailableIsRefused() {
        CartId cart = carts.anonymous(null).block();
        carts.add(cart, honey, 2).block();
        db.sql("update product set price_vnd = 150000 where id = :p").bind("p", honey.value()).then().block();

        Cart seen = carts.add(cart, honey, 1).block();

        assertThat(seen.lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualTo(3);
            assertThat(l.unitPrice().dong()).isEqualTo(150000);
        });
        assertThat(seen.total().dong()).isEqualTo(450000);
        assertThatThrownBy(() -> carts.add(cart, honey, 3).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.NOT_ENOUGH_STOCK));
        assertThat(carts.view(cart).block().lines().get(0).quantity()).isEqualTo(3);
    }

    @Test
    void aLineWhoseProductStoppedBeingSellableIsShownAsSuchAndBlocksCheckout() {
        CartId cart = carts.anonymous(null).block();
        carts.add(cart, honey, 1).block();
        carts.add(cart, tea, 1).block();
        CertificationId ranking = db.sql("select id from certification where product_id = :p").bind("p", tea.value())
                .map((r, m) -> new CertificationId(r.get("id", UUID.class))).one().block();
        fixtures.catalog().revoke(ranking, OffsetDateTime.now()).block();

        Cart seen = carts.view(cart).block();

        assertThat(seen.lines()).filteredOn(l -> l.product().equals(tea)).singleElement()
                .satisfies(l -> assertThat(l.sellable()).isFalse());
        assertThat(seen.checkoutReady()).isFalse();
        assertThat(seen.total().dong()).as("only what can be ordered counts").isEqualTo(120000);
    }

    @Test
    void anAnonymousCartJoinsTheAccountsCartAtSignIn() {
        UUID account = UUID.randomUUID();
        CartId mine = carts.ofAccount(account).block();
        carts.add(mine, honey, 1).block();
        CartId anonymous = carts.anonymous(null).block();
        carts.add(anonymous, honey, 2).block();
        carts.add(anonymous, tea, 1).block();

        CartId merged = carts.merge(anonymous.value(), account).block();
        carts.merge(anonymous.value(), account).block();

        assertThat(merged).isEqualTo(mine);
        assertThat(carts.view(mine).block().lines()).extracting(CartLine::product, CartLine::quantity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(honey, 3), org.assertj.core.groups.Tuple.tuple(tea, 1));
        assertThat(carts.existingAnonymous(anonymous.value()).block()).isNull();
    }

    @Test
    void aProductNotOnSaleCannotBeAdded() {
        ProductId draft = fixtures.catalog().product(fixtures.catalog().producer("HTX khác", null).block(), "Nháp",
                vn.ocop.catalog.listings.ProductStatus.DRAFT).block();
        CartId cart = carts.anonymous(null).block();

        assertThatThrownBy(() -> carts.add(cart, draft, 1).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.NOT_SELLABLE));
        assertThatThrownBy(() -> carts.add(cart, honey, 0).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.INVALID_REQUEST));
    }

    private static Movement receipt(ProductId product, int quantity) {
        return Movement.of(UUID.randomUUID(), MovementType.RECEIPT, product, quantity, OffsetDateTime.now(), null);
    }
}

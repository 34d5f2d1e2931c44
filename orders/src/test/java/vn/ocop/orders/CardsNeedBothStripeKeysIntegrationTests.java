package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.OwnDatabase;
import vn.ocop.catalog.testing.StockFixtures;

/** With a Stripe secret key but no publishable key, nobody could pay by card: cards are not offered and a card order is refused. */
@SpringBootTest(classes = OrdersTestApplication.class, properties = "ocop.stripe.secret-key=sk_test_only")
@OwnDatabase
class CardsNeedBothStripeKeysIntegrationTests {

    @Autowired
    Checkout checkout;
    @Autowired
    Payments payments;
    @Autowired
    Catalog catalog;
    @Autowired
    DatabaseClient db;

    @Test
    void aSecretKeyWithoutAPublishableKeyOffersNoCards() {
        var fixtures = new StockFixtures(db);
        ProducerId producer = fixtures.catalog().producer("HTX Mật ong", null).block();
        ProductId honey = fixtures.sellableProduct(producer, "Mật ong bạc hà", catalog.today()).block();

        assertThat(payments.cardsOffered()).isFalse();
        assertThatThrownBy(() -> checkout.place(new OrderRequest(UUID.randomUUID().toString(), UUID.randomUUID(), List.of(new OrderRequest.Line(honey, 1)),
                new Contact("Nguyễn Thị Mai", "0912345678", "mai@example.vn"), Destination.delivery("01", "00070", "25 Hàng Bạc"), PaymentMethod.CARD)).block())
                .isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(OrdersErrorCode.INVALID_REQUEST));
        assertThat(db.sql("select count(*) as n from customer_order").map((r, m) -> r.get("n", Long.class)).one().block()).isZero();
    }
}

package vn.ocop.storefront.web.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.storefront.web.producer.SignedIn.form;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.HtmlUtils;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.producer.SignedIn;

/**
 * Checkout as two modes: delivery shows the address and the payments that fit it (COD, card), pickup the outlets and
 * pay at pickup (and card); a payment that does not fit is refused with the field's message and nothing is ordered.
 * A shopper's second delivery starts from the first one's recipient and address, the first from their account.
 */
@StorefrontTest
class CheckoutModesTests {

    static final String PASSWORD = "hat-dieu-binh-phuoc-2026";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    Inventory inventory;

    StockedProducts fixtures;
    SignedIn shopper;
    String email;

    /** A new shopper each time, registered with a phone number, with one product in the cart. */
    @BeforeEach
    void newShopperWithACart() {
        fixtures = new StockedProducts(db, inventory);
        email = "mua." + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
        web.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "displayName", "Lê Thị Hoa", "phone", "+84 938 111 222", "password", PASSWORD))
                .exchange().expectStatus().isCreated();
        shopper = SignedIn.as(web, email, PASSWORD);
        addToCart(fixtures.productWithStock(5));
    }

    @Test
    void deliveryShowsTheAddressAndCodButNotPayAtPickup() {
        String shown = visible(shopper.page("/checkout"));
        assertThat(shown).contains("name=\"street\"", "name=\"provinceCode\"", "value=\"COD\"")
                .doesNotContain("value=\"PAY_AT_PICKUP\"").doesNotContain("name=\"pickupLocationId\"");
        assertThat(shown).as("the first delivery starts from the account").contains("value=\"Lê Thị Hoa\"", "value=\"0938111222\"")
                .doesNotContain("Đã điền sẵn người nhận và địa chỉ");
    }

    @Test
    void pickupShowsTheOutletsAndPayAtPickupButNoAddressAndNoCod() {
        String shown = visible(shopper.page("/checkout?mode=PICKUP"));
        assertThat(shown).contains("name=\"pickupLocationId\"", "value=\"" + fixtures.showroom() + "\"", "value=\"PAY_AT_PICKUP\"")
                .doesNotContain("name=\"street\"").doesNotContain("name=\"provinceCode\"").doesNotContain("name=\"communeCode\"")
                .doesNotContain("value=\"COD\"");
        assertThat(shown).containsPattern("value=\"PICKUP\"\\s+checked");
    }

    @Test
    void theChangeButtonRedrawsTheFormInTheOtherModeKeepingWhatWasTypedAndOrdersNothing() {
        var typed = filled("PICKUP", "COD").let("name", "Phạm Văn Đổi").let("change", "mode");

        String shown = visible(html(shopper.post("/checkout", typed.build()).expectStatus().isOk()));

        assertThat(shown).contains("value=\"Phạm Văn Đổi\"", "name=\"pickupLocationId\"").doesNotContain("name=\"street\"")
                .containsPattern("value=\"PAY_AT_PICKUP\"\\s+checked").doesNotContain("field-error");
        assertThat(fixtures.ordersOf(email)).isZero();
    }

    @Test
    void aPaymentThatDoesNotFitTheModeIsRefusedWithItsMessageAndNothingIsOrdered() {
        String codAtPickup = html(shopper.post("/checkout", filled("PICKUP", "COD").let("pickupLocationId", fixtures.showroom().toString()).build())
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
        assertThat(codAtPickup).contains("Thanh toán khi nhận hàng (COD) chỉ dùng khi giao tận nơi");

        String payAtPickupDelivered = html(shopper.post("/checkout", filled("DELIVERY", "PAY_AT_PICKUP").build())
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
        assertThat(payAtPickupDelivered).contains("Trả tiền tại cửa hàng chỉ dùng khi nhận hàng tại cửa hàng.");

        assertThat(fixtures.ordersOf(email)).isZero();
    }

    @Test
    void theApiRefusesAPaymentThatDoesNotFitTheModeWithAProblem() {
        UUID product = fixtures.productWithStock(2);
        web.post().uri("/api/v1/orders").headers(h -> h.setBasicAuth(email, PASSWORD)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("lines", java.util.List.of(Map.of("productId", product, "quantity", 1)),
                        "contact", Map.of("name", "Lê Thị Hoa", "phone", "0938111222", "email", email),
                        "pickupLocationId", fixtures.showroom(), "payment", "COD"))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("cash on delivery is for deliveries"));
        assertThat(fixtures.ordersOf(email)).isZero();
    }

    @Test
    void aSecondCheckoutOffersTheLastDeliveryAddressAndAnotherOneOnRequest() {
        shopper.post("/checkout", filled("DELIVERY", "COD").let("name", "Lê Thị Hoa (nhà)").let("phone", "0938 111 333").build())
                .expectStatus().is3xxRedirection();
        assertThat(fixtures.ordersOf(email)).isEqualTo(1);
        addToCart(fixtures.productWithStock(3));

        String again = shopper.page("/checkout");
        assertThat(again).contains("Đã điền sẵn người nhận và địa chỉ của lần giao hàng gần nhất.", "href=\"/checkout?address=new\"")
                .contains("value=\"Lê Thị Hoa (nhà)\"", "value=\"0938 111 333\"", "value=\"12 Phố Hàng Bạc\"")
                .containsPattern("value=\"01\"\\s+selected").containsPattern("value=\"00004\"\\s+selected");

        String other = shopper.page("/checkout?address=new");
        assertThat(other).doesNotContain("value=\"12 Phố Hàng Bạc\"").doesNotContain("Đã điền sẵn")
                .contains("value=\"Lê Thị Hoa\"", "value=\"0938111222\"").doesNotContainPattern("value=\"01\"\\s+selected");
    }

    private OrderPagesTests.Form filled(String mode, String payment) {
        return new OrderPagesTests.Form().let("_csrf", shopper.csrf("/checkout")).let("key", UUID.randomUUID().toString())
                .let("name", "Lê Thị Hoa").let("phone", "0938 111 222").let("email", email).let("mode", mode)
                .let("provinceCode", "01").let("communeCode", "00004").let("street", "12 Phố Hàng Bạc").let("payment", payment);
    }

    private void addToCart(UUID product) {
        shopper.post("/cart/add", form("productId", product.toString(), "quantity", "1", "_csrf", shopper.csrf("/cart")))
                .expectStatus().is3xxRedirection();
    }

    /** The page as a browser shows it: without the parts drawn hidden (the other mode's fields and payments). */
    private static String visible(String html) {
        return html.replaceAll("<fieldset[^>]*\\shidden[\\s>=][\\s\\S]*?</fieldset>", "")
                .replaceAll("<label[^>]*\\shidden[\\s>=][\\s\\S]*?</label>", "");
    }

    private static String html(WebTestClient.ResponseSpec response) {
        return HtmlUtils.htmlUnescape(response.expectBody(String.class).returnResult().getResponseBody());
    }
}

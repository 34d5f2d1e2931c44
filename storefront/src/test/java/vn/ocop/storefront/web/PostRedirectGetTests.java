package vn.ocop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.storefront.web.producer.SignedIn.form;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.HtmlUtils;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.orders.StockedProducts;
import vn.ocop.storefront.web.producer.SignedIn;

/**
 * Post/Redirect/Get across areas: a form that changes something answers 303 See Other with a GET page that says
 * what was done (a refresh re-posts nothing), and a refused one is shown again in the page's language.
 */
@StorefrontTest
class PostRedirectGetTests {

    static final String PASSWORD = "ocop-demo-2026";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    Inventory inventory;

    @Test
    void addingToTheCartRedirectsToTheCartThatSaysSoInEitherLanguage() {
        StockedProducts stocked = new StockedProducts(db, inventory);
        stocked.emptyCartOf("shopper@demo.ocop.vn");
        UUID product = stocked.productWithStock(3);
        SignedIn shopper = SignedIn.as(web, "shopper@demo.ocop.vn", PASSWORD);

        URI cart = shopper.post("/cart/add", form("productId", product.toString(), "quantity", "1", "_csrf", shopper.csrf("/cart")))
                .expectStatus().isSeeOther().returnResult(String.class).getResponseHeaders().getLocation();

        assertThat(cart).hasToString("/cart?added");
        assertThat(shopper.page(cart.toString())).contains("Đã thêm vào giỏ hàng.");
        assertThat(shopper.page(cart + "&lang=en")).contains("Added to your cart.");
    }

    @Test
    void savingALocationRedirectsToItsPageAndARefusedOneSaysWhyInThePageLanguage() {
        SignedIn admin = SignedIn.as(web, "admin@demo.ocop.vn", PASSWORD);
        UUID showroom = new StockedProducts(db, inventory).showroom();
        String page = "/admin/locations/" + showroom;
        String html = admin.page(page);
        String name = value(html, "name");
        String province = value(html, "province");
        String address = value(html, "address");

        URI saved = admin.post(page, form("_csrf", admin.csrf(page), "kind", "SHOWROOM", "name", name, "province", province, "address", address,
                        "pickupAllowed", "true"))
                .expectStatus().isSeeOther().returnResult(String.class).getResponseHeaders().getLocation();
        assertThat(saved).hasToString(page + "?saved");
        assertThat(admin.page(saved.toString())).contains("Đã lưu địa điểm.");

        String refused = HtmlUtils.htmlUnescape(admin.post(page + "?lang=en", form("_csrf", admin.csrf(page), "kind", "SHOWROOM", "name", name,
                        "province", province, "address", address, "latitude", "21.03"))
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(refused).contains("give latitude and longitude together").doesNotContain("give both latitude and longitude, or neither");
        String refusedVi = HtmlUtils.htmlUnescape(admin.post(page, form("_csrf", admin.csrf(page), "kind", "SHOWROOM", "name", name,
                        "province", province, "address", address, "latitude", "21.03"))
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(refusedVi).contains("vĩ độ và kinh độ nhập cùng nhau").doesNotContain("give both latitude").doesNotContain("does not add up");
    }

    private static String value(String html, String field) {
        return HtmlUtils.htmlUnescape(html.replaceAll("(?s).*?name=\"" + field + "\"[^>]*?value=\"([^\"]*)\".*", "$1"));
    }
}

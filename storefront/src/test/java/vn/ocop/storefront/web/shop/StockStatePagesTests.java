package vn.ocop.storefront.web.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.storefront.web.producer.SignedIn.form;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.HtmlUtils;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.orders.StockedProducts;
import vn.ocop.storefront.web.producer.SignedIn;

/** "Hết hàng" and "Còn ít" on cards and product pages, with no add-to-cart where nothing can be supplied, in both languages. */
@StorefrontTest
class StockStatePagesTests {

    static final String SHOPPER = "shopper@demo.ocop.vn";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    Inventory inventory;

    StockedProducts fixtures;
    SignedIn shopper;

    @BeforeEach
    void signIn() {
        fixtures = new StockedProducts(db, inventory);
        fixtures.emptyCartOf(SHOPPER);
        shopper = SignedIn.as(web, SHOPPER, "ocop-demo-2026");
    }

    @Test
    void anOutOfStockCardSaysHetHangAndHasNoAddToCart() {
        UUID product = fixtures.productWithoutStock();

        String card = cardOf(product);

        assertThat(card).contains("Hết hàng").doesNotContain("/cart/add").doesNotContain("Thêm vào giỏ");
    }

    @Test
    void anOutOfStockProductPageSaysSoInBothLanguagesAndOffersNoAddToCart() {
        UUID product = fixtures.productWithoutStock();

        String vi = page("/products/" + product);
        assertThat(vi).contains("Hết hàng").contains("Sản phẩm này hiện đã hết hàng ở mọi địa điểm nên chưa thể đặt mua.")
                .doesNotContain("action=\"/cart/add\"");
        String en = page("/products/" + product + "?lang=en");
        assertThat(en).contains("Out of stock").contains("This product is out of stock at every location").doesNotContain("action=\"/cart/add\"");
    }

    @Test
    void fewLeftShowsTheCountAndKeepsAddToCart() {
        UUID product = fixtures.productWithStock(3);

        String page = page("/products/" + product);

        assertThat(page).contains("Còn ít: chỉ còn 3").contains("action=\"/cart/add\"");
        assertThat(cardOf(product)).contains("Còn ít: chỉ còn 3").contains("/cart/add");
    }

    @Test
    void addingAnOutOfStockProductIsRefusedWithTheBundlesWordsInBothLanguages() {
        UUID product = fixtures.productWithoutStock();

        String vi = html(shopper.post("/cart/add", form("productId", product.toString(), "_csrf", shopper.csrf("/cart")))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT));
        assertThat(vi).contains("Sản phẩm này đã hết hàng nên không thể thêm vào giỏ.").doesNotContain("no location").doesNotContain("out of stock:");

        String en = html(shopper.post("/cart/add?lang=en", form("productId", product.toString(), "_csrf", shopper.csrf("/cart")))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT));
        assertThat(en).contains("This product is out of stock, so it cannot be added to your cart.").doesNotContain("no location");
        web.post().uri("/api/v1/cart/lines").bodyValue(java.util.Map.of("productId", product, "quantity", 1)).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("not-enough-stock");
    }

    /** The product's card in the browse list of its group and province, paging until it shows. */
    private String cardOf(UUID product) {
        var where = db.sql("select p.ocop_group, pr.province from product p join producer pr on pr.id = p.producer_id where p.id = :id")
                .bind("id", product).map((r, m) -> new String[] {r.get("ocop_group", String.class), r.get("province", String.class)}).one().block();
        for (int p = 0; p < 30; p++) {
            String html = page("/products?group=" + where[0] + "&province=" + where[1] + "&page=" + p);
            Matcher card = Pattern.compile("<li class=\"product\">(?:(?!</li>)[\\s\\S])*?/products/" + product + "[\\s\\S]*?</li>").matcher(html);
            if (card.find()) {
                return card.group();
            }
        }
        throw new AssertionError("no card for " + product);
    }

    private String page(String path) {
        return shopper.page(path);
    }

    private static String html(WebTestClient.ResponseSpec response) {
        return HtmlUtils.htmlUnescape(response.expectBody(String.class).returnResult().getResponseBody());
    }
}

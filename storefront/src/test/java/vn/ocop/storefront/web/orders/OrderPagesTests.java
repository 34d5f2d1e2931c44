package vn.ocop.storefront.web.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.storefront.web.producer.SignedIn.form;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.HtmlUtils;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.producer.SignedIn;

/** The cart, checkout, order, producer-orders and pickups pages, driven like a browser (session cookie and CSRF). */
@StorefrontTest
class OrderPagesTests {

    static final String PASSWORD = "ocop-demo-2026";
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
        shopper = SignedIn.as(web, SHOPPER, PASSWORD);
    }

    @Test
    void theCartRefusesMoreThanThereIsOnThePageAndKeepsWhatItHad() {
        UUID product = fixtures.productWithStock(3);
        add(product, 2).expectStatus().is3xxRedirection();

        String refused = html(add(product, 5).expectStatus().isEqualTo(HttpStatus.CONFLICT));
        assertThat(refused).contains("Không còn đủ hàng cho số lượng này.");
        assertThat(quantityInCart(refused, product)).isEqualTo("2");

        shopper.post("/cart/lines/" + product, form("quantity", "3", "_csrf", csrf("/cart"))).expectStatus().is3xxRedirection();
        assertThat(quantityInCart(shopper.page("/cart"), product)).isEqualTo("3");
    }

    @Test
    void aWrongCheckoutFormSaysWhatIsWrongAndOrdersNothing() {
        UUID product = fixtures.productWithStock(5);
        add(product, 1).expectStatus().is3xxRedirection();
        long before = fixtures.ordersOf(SHOPPER);

        String page = html(shopper.post("/checkout", checkout(csrf("/checkout"), UUID.randomUUID().toString(), "DELIVERY", "COD")
                        .let("phone", "gọi tôi").let("communeCode", "").build())
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));

        assertThat(page).contains("Số điện thoại gồm 8 đến 20 chữ số").contains("Chọn xã, phường của tỉnh đã chọn.");
        assertThat(fixtures.ordersOf(SHOPPER)).isEqualTo(before);
        assertThat(fixtures.reserved(product)).isZero();
    }

    @Test
    void aDeliveryOrderIsPlacedOnceEvenWhenTheFormIsSentTwiceAndTheProducerCompletesIt() {
        String producerEmail = "producer@demo.ocop.vn";
        UUID product = fixtures.productOf(producerEmail, 5);
        add(product, 2).expectStatus().is3xxRedirection();
        String communes = html(shopper.request(web.get().uri("/checkout/communes?provinceCode=01")));
        assertThat(communes).contains("value=\"00004\"").contains("Phường Ba Đình");
        long before = fixtures.ordersOf(SHOPPER);
        String key = UUID.randomUUID().toString();
        var filled = checkout(csrf("/checkout"), key, "DELIVERY", "COD").build();

        URI order = shopper.post("/checkout", filled).expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation();
        URI again = shopper.post("/checkout", filled).expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation();

        assertThat(order.getPath()).startsWith("/orders/");
        assertThat(again.getPath()).isEqualTo(order.getPath());
        assertThat(fixtures.ordersOf(SHOPPER)).isEqualTo(before + 1);
        String confirmation = shopper.page(order.toString());
        assertThat(confirmation).contains("Đặt hàng thành công").contains("data-status=\"PLACED\"")
                .contains("Giao đến: 12 Phố Hàng Bạc, Phường Ba Đình, Thành phố Hà Nội");
        assertThat(shopper.page("/cart")).contains("Giỏ hàng đang trống.");
        String orderId = order.getPath().substring("/orders/".length());
        assertThat(shopper.page("/orders")).contains(orderId);

        SignedIn producer = SignedIn.as(web, producerEmail, PASSWORD);
        String orders = producer.page("/producer/orders");
        String fulfilment = fulfilmentOf(orders, confirmationCode(confirmation));
        String part = partOf(orders, fulfilment);
        assertThat(part).as("the whole address, the recipient, the location it ships from")
                .contains("12 Phố Hàng Bạc, Phường Ba Đình, Thành phố Hà Nội").contains("Nguyễn Thị Mai").contains("0912 345 678")
                .contains("Gửi từ").doesNotContain(SHOPPER);
        long due = amount(part, "Thu hộ khi giao: ([0-9.]+) ₫");
        assertThat(confirmation).as("the shopper's total is what the producer collects: lines and shipping")
                .contains("Tổng cộng").contains(String.format("%,d", due).replace(',', '.') + " ₫");
        assertThat(producer.page("/producer/fulfilments/" + fulfilment + "/slip")).contains("Phiếu gửi hàng").contains("12 Phố Hàng Bạc")
                .contains("/producer/fulfilments/" + fulfilment + "/qr.png").contains("Thu hộ (COD):");
        producer.request(web.get().uri("/producer/fulfilments/" + fulfilment + "/qr.png")).expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG);
        for (String step : new String[] {"confirm", "ship"}) {
            producer.post("/producer/fulfilments/" + fulfilment + "/" + step, form("_csrf", producer.csrf("/producer/orders")))
                    .expectStatus().is3xxRedirection();
        }
        String wrongAmount = html(producer.post("/producer/fulfilments/" + fulfilment + "/delivered",
                        form("collectedVnd", String.valueOf(due - 1000), "_csrf", producer.csrf("/producer/orders")))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT));
        assertThat(wrongAmount).contains("Số tiền không khớp với số cần thu.");
        producer.post("/producer/fulfilments/" + fulfilment + "/delivered", form("collectedVnd", String.valueOf(due), "_csrf", producer.csrf("/producer/orders")))
                .expectStatus().is3xxRedirection();
        String refused = html(producer.post("/producer/fulfilments/" + fulfilment + "/ship", form("_csrf", producer.csrf("/producer/orders")))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT));
        assertThat(refused).contains("Không thể làm việc này ở trạng thái hiện tại của đơn.");
        String done = shopper.page(order.toString());
        assertThat(done).contains("data-status=\"COMPLETED\"").contains("Người bán đã xác nhận").contains("Đã gửi hàng cho đơn vị vận chuyển")
                .contains("Đã giao hàng").contains("đã thanh toán (tiền mặt)");

        producer.request(web.get().uri(order.toString()).accept(MediaType.TEXT_HTML)).expectStatus().isNotFound();
    }

    @Test
    void aPickupIsPaidAtTheShowroomAndHandedOverByItsCode() {
        UUID product = fixtures.productWithStock(4);
        add(product, 1).expectStatus().is3xxRedirection();
        String checkoutPage = shopper.page("/checkout");
        UUID showroom = fixtures.showroom();
        assertThat(checkoutPage).contains("value=\"" + showroom + "\"");

        var filled = checkout(token(checkoutPage), UUID.randomUUID().toString(), "PICKUP", "PAY_AT_PICKUP")
                .let("pickupLocationId", showroom.toString()).build();
        URI order = shopper.post("/checkout", filled).expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation();
        String confirmation = shopper.page(order.toString());
        Matcher code = Pattern.compile("<p class=\"code\">([A-Z0-9]{6})</p>").matcher(confirmation);
        assertThat(code.find()).as("the pickup code on the confirmation").isTrue();
        assertThat(fixtures.reserved(product)).isEqualTo(1);

        SignedIn staff = SignedIn.as(web, "staff@demo.ocop.vn", PASSWORD);
        String waiting = staff.page("/staff/pickups");
        assertThat(waiting).contains(confirmationCode(confirmation)).doesNotContain(code.group(1)).doesNotContain(SHOPPER);
        String wrong = html(staff.post("/staff/pickups/find", form("code", "ZZZZZZ", "_csrf", staff.csrf("/staff/pickups"))).expectStatus().isNotFound());
        assertThat(wrong).contains("Không tìm thấy đơn hàng.");
        String found = html(staff.post("/staff/pickups/find", form("code", code.group(1).toLowerCase(), "_csrf", staff.csrf("/staff/pickups")))
                .expectStatus().isOk());
        long due = amount(found, "class=\"amount-due\">([0-9.]+) ₫");
        assertThat(found).contains("Đơn chưa sẵn sàng").doesNotContain("name=\"amountVnd\"");
        String notReady = html(staff.post("/staff/pickups/handover", form("code", code.group(1), "method", "CASH", "amountVnd", String.valueOf(due),
                "_csrf", staff.csrf("/staff/pickups"))).expectStatus().isEqualTo(HttpStatus.CONFLICT));
        assertThat(notReady).contains("Không thể làm việc này ở trạng thái hiện tại của đơn.");

        Matcher ready = Pattern.compile("/staff/fulfilments/([0-9a-f-]{36})/ready").matcher(found);
        assertThat(ready.find()).as("the showroom makes ready the goods it holds").isTrue();
        staff.post("/staff/fulfilments/" + ready.group(1) + "/ready", form("_csrf", staff.csrf("/staff/pickups"))).expectStatus().is3xxRedirection();
        String wrongAmount = html(staff.post("/staff/pickups/handover", form("code", code.group(1), "method", "CASH", "amountVnd", String.valueOf(due + 1000),
                "_csrf", staff.csrf("/staff/pickups"))).expectStatus().isEqualTo(HttpStatus.CONFLICT));
        assertThat(wrongAmount).contains("Số tiền không khớp với số cần thu.").contains("name=\"amountVnd\"");
        assertThat(fixtures.reserved(product)).as("a refused handover moves nothing").isEqualTo(1);
        staff.post("/staff/pickups/handover", form("code", code.group(1), "method", "CASH", "amountVnd", String.valueOf(due), "_csrf", staff.csrf("/staff/pickups")))
                .expectStatus().is3xxRedirection();

        String collected = shopper.page(order.toString());
        assertThat(collected).contains("data-status=\"COMPLETED\"").contains("đã thanh toán (tiền mặt)").doesNotContain("<p class=\"code\">");
        assertThat(fixtures.reserved(product)).isZero();
    }

    @Test
    void aShopperCancelsBeforeShippingAndTheStockGoesBack() {
        UUID product = fixtures.productWithStock(2);
        add(product, 2).expectStatus().is3xxRedirection();
        URI order = shopper.post("/checkout", checkout(csrf("/checkout"), UUID.randomUUID().toString(), "DELIVERY", "COD").build())
                .expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation();
        assertThat(fixtures.reserved(product)).isEqualTo(2);

        String noReason = html(shopper.post(order.getPath() + "/cancel", form("_csrf", csrf(order.getPath()), "confirmed", "true"))
                .expectStatus().isEqualTo(422));
        assertThat(noReason).contains("Hãy chọn lý do hủy đơn: đơn chưa bị hủy.");
        String unconfirmed = html(shopper.post(order.getPath() + "/cancel?lang=en", form("_csrf", csrf(order.getPath()), "reason", "CHANGED_MIND"))
                .expectStatus().isEqualTo(422));
        assertThat(unconfirmed).contains("Tick \"I confirm\" before doing this: nothing has changed.");
        assertThat(shopper.page(order.getPath() + "?lang=vi")).as("nothing cancelled").doesNotContain("data-status=\"CANCELLED\"");
        assertThat(fixtures.reserved(product)).isEqualTo(2);

        URI cancelled = shopper.post(order.getPath() + "/cancel", form("_csrf", csrf(order.getPath()), "reason", "CHANGED_MIND", "confirmed", "true"))
                .expectStatus().isSeeOther().returnResult(String.class).getResponseHeaders().getLocation();

        assertThat(cancelled.getPath()).isEqualTo(order.getPath());
        assertThat(shopper.page(cancelled.toString())).contains("Đơn hàng đã được hủy.").contains("data-status=\"CANCELLED\"")
                .contains("Tôi đổi ý").doesNotContain("Hủy đơn</button>");
        assertThat(fixtures.reserved(product)).isZero();
    }

    @Test
    void adminEditsTheRateTableAndATableWithAnOverlapIsShownBackWithNothingSaved() {
        SignedIn admin = SignedIn.as(web, "admin@demo.ocop.vn", PASSWORD);
        String page = admin.page("/admin/shipping");
        assertThat(page).contains("Cùng tỉnh, thành phố").contains("Khác miền").contains("Đang dùng biểu phí khởi đầu");
        shopper.request(web.get().uri("/admin/shipping").accept(MediaType.TEXT_HTML)).expectStatus().isForbidden();

        Form table = inputs(page).let("_csrf", token(page));
        String overlapping = html(admin.post("/admin/shipping", table.let("zones[0].bands[1].fromGrams", "400").build()).expectStatus().isBadRequest());
        assertThat(overlapping).contains("Biểu phí chưa hợp lệ nên chưa lưu gì").contains("Chồng lên khung trước (khung đó kết thúc ở 500 g).");
        assertThat(admin.page("/admin/shipping")).as("nothing saved").contains("Đang dùng biểu phí khởi đầu");

        Form cheaper = inputs(page).let("_csrf", token(page)).let("zones[0].bands[0].feeVnd", "19.000");
        admin.post("/admin/shipping", cheaper.build()).expectStatus().is3xxRedirection();
        String saved = admin.page("/admin/shipping?saved");
        assertThat(saved).contains("Đã lưu biểu phí").contains("Sửa lần cuối bởi admin@demo.ocop.vn").contains("value=\"19000\"");
        admin.post("/admin/shipping", inputs(page).let("_csrf", token(saved)).build()).expectStatus().is3xxRedirection();
    }

    /** Every rate-table input of the page with its value, as the browser would send them back. */
    private static Form inputs(String page) {
        Form form = new Form();
        Matcher m = Pattern.compile("name=\"(zones\\[[^\"]+)\"\\s+value=\"([^\"]*)\"").matcher(page);
        while (m.find()) {
            form.let(m.group(1), m.group(2));
        }
        assertThat(form.fields).as("the rate table's inputs").hasSizeGreaterThan(30);
        return form;
    }

    private WebTestClient.ResponseSpec add(UUID product, int quantity) {
        return shopper.post("/cart/add", form("productId", product.toString(), "quantity", String.valueOf(quantity), "_csrf", csrf("/cart")));
    }

    private String csrf(String page) {
        return shopper.csrf(page);
    }

    private static String token(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static Form checkout(String csrf, String key, String mode, String payment) {
        return new Form().let("_csrf", csrf).let("key", key).let("name", "Nguyễn Thị Mai").let("phone", "0912 345 678")
                .let("email", SHOPPER).let("mode", mode).let("provinceCode", "01").let("communeCode", "00004")
                .let("street", "12 Phố Hàng Bạc").let("payment", payment);
    }

    private static String html(WebTestClient.ResponseSpec response) {
        return HtmlUtils.htmlUnescape(response.expectBody(String.class).returnResult().getResponseBody());
    }

    private static String quantityInCart(String cart, UUID product) {
        Matcher m = Pattern.compile("data-product=\"" + product + "\"[\\s\\S]*?name=\"quantity\"[^>]*value=\"(\\d+)\"").matcher(cart);
        assertThat(m.find()).as("a cart line for " + product).isTrue();
        return m.group(1);
    }

    private static String confirmationCode(String orderPage) {
        Matcher m = Pattern.compile("(OCOP-[A-Z0-9]{8})").matcher(orderPage);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String fulfilmentOf(String producerOrders, String orderCode) {
        Matcher m = Pattern.compile("data-fulfilment=\"([0-9a-f-]{36})\">\\s*<header>\\s*<strong class=\"order-code\">" + orderCode).matcher(producerOrders);
        assertThat(m.find()).as("the producer's part of " + orderCode).isTrue();
        return m.group(1);
    }

    /** The producer's page from one parcel's card to the next. */
    private static String partOf(String producerOrders, String fulfilment) {
        int start = producerOrders.indexOf("data-fulfilment=\"" + fulfilment + "\"");
        int end = producerOrders.indexOf("data-fulfilment=", start + 20);
        return producerOrders.substring(start, end < 0 ? producerOrders.length() : end);
    }

    private static long amount(String html, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(html);
        assertThat(m.find()).as(pattern).isTrue();
        return Long.parseLong(m.group(1).replace(".", ""));
    }

    /** Form fields, any of which a test may change. */
    static final class Form {
        private final java.util.LinkedHashMap<String, String> fields = new java.util.LinkedHashMap<>();

        Form let(String name, String value) {
            fields.put(name, value);
            return this;
        }

        LinkedMultiValueMap<String, String> build() {
            var map = new LinkedMultiValueMap<String, String>();
            fields.forEach(map::add);
            return map;
        }
    }
}

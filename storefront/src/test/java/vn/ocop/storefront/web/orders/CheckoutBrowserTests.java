package vn.ocop.storefront.web.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.changes.CatalogChanges;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.storefront.Browser;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.SearchIndexReady;

/**
 * A shopper on a phone: finds a product by searching without diacritics, adds it to the cart before signing
 * in, sees the shipping fee at checkout, orders cash on delivery; the producer sees the address and the amount to
 * collect, confirms, opens the packing slip, ships and marks it delivered with the cash; the shopper sees it
 * COMPLETED with its timeline. And a pickup paid at the showroom: the producer confirms, staff see the amount,
 * take the cash and hand it over.
 */
@StorefrontTest
class CheckoutBrowserTests {

    static final String PASSWORD = "ocop-demo-2026";
    static final String SHOPPER = "shopper@demo.ocop.vn";
    static final String PRODUCER = "producer@demo.ocop.vn";

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient db;
    @Autowired
    Inventory inventory;
    @Autowired
    CatalogChanges changes;

    StockedProducts fixtures;
    WebDriver shopper;

    @BeforeEach
    void openBrowser() {
        fixtures = new StockedProducts(db, inventory);
        fixtures.emptyCartOf("shopper@demo.ocop.vn");
        shopper = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        shopper.quit();
    }

    @Test
    void cashOnDeliveryFromSearchToDeliveredWithTheProducerCollectingTheAmount() {
        UUID product = fixtures.productOf(PRODUCER, 5);
        String name = name(product);
        SearchIndexReady.drained(changes);

        shopper.get(url("/search?q=" + java.net.URLEncoder.encode(withoutDiacritics(name), java.nio.charset.StandardCharsets.UTF_8)));
        WebElement hit = shopper.findElements(By.cssSelector("li.product")).stream()
                .filter(li -> !li.findElements(By.cssSelector("a[href='/products/" + product + "']")).isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError(name + " not among the results"));
        hit.findElement(By.cssSelector("form.add-to-cart button")).click();
        waitFor(ExpectedConditions.urlContains("/cart"));
        assertThat(shopper.findElement(By.cssSelector("tr.cart-line")).getText()).contains(name);

        shopper.findElement(By.linkText("Đặt hàng")).click();
        signIn(shopper, SHOPPER);
        waitFor(ExpectedConditions.urlToBe(url("/checkout")));
        assertThat(shopper.findElement(By.cssSelector(".summary")).getText()).as("the anonymous cart, merged at sign-in").contains(name);

        type("name", "Nguyễn Thị Mai");
        type("phone", "0912345678");
        new Select(shopper.findElement(By.name("provinceCode"))).selectByVisibleText("Thành phố Hà Nội");
        waitFor(d -> new Select(d.findElement(By.name("communeCode"))).getOptions().size() > 1);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#quote .shipping-fee")));
        String quoted = shopper.findElement(By.cssSelector("#quote .quote-total")).getText();
        assertThat(shopper.findElement(By.cssSelector("#quote")).getText()).as("the fee and window before ordering").contains("Phí vận chuyển", "dự kiến");
        new Select(shopper.findElement(By.name("communeCode"))).selectByVisibleText("Phường Hoàn Kiếm");
        type("street", "12 Phố Hàng Bạc");
        assertNoSidewaysScrolling();
        submit();

        waitFor(ExpectedConditions.urlContains("?placed"));
        assertThat(shopper.findElement(By.cssSelector(".status")).getAttribute("data-status")).isEqualTo("PLACED");
        assertThat(shopper.findElement(By.cssSelector("p.delivery")).getText()).contains("Phường Hoàn Kiếm", "Thành phố Hà Nội");
        assertThat(shopper.findElement(By.cssSelector(".order-total")).getText()).as("what the quote said").isEqualTo(quoted);
        String code = shopper.findElement(By.cssSelector("h1")).getText().replaceAll(".*(OCOP-[A-Z0-9]{8}).*", "$1");
        String order = shopper.getCurrentUrl().replace("?placed", "");

        WebDriver producer = Browser.start();
        try {
            signIn(producer, PRODUCER);
            producer.get(url("/producer/orders"));
            WebElement part = partFor(producer, code);
            assertThat(part.findElement(By.cssSelector(".address")).getText()).isEqualTo("12 Phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội");
            assertThat(part.findElement(By.cssSelector(".recipient")).getText()).contains("Nguyễn Thị Mai", "0912345678");
            String toCollect = part.findElement(By.cssSelector(".to-collect")).getText();
            assertThat(toCollect).contains(quoted);
            part.findElement(By.cssSelector("button.confirm")).click();
            new WebDriverWait(producer, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("done=confirm"));

            partFor(producer, code).findElement(By.linkText("In phiếu gửi hàng")).click();
            new WebDriverWait(producer, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/slip"));
            assertThat(producer.findElement(By.cssSelector(".label")).getText()).contains("Nguyễn Thị Mai", "12 Phố Hàng Bạc", code, quoted);
            assertThat((Boolean) ((JavascriptExecutor) producer).executeScript(
                    "const i = document.querySelector('.label-code img'); return i.complete && i.naturalWidth > 100;")).as("the QR code image").isTrue();
            producer.navigate().back();

            producer.get(url("/producer/orders"));
            partFor(producer, code).findElement(By.cssSelector("button.ship")).click();
            new WebDriverWait(producer, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("done=ship"));
            WebElement shipped = partFor(producer, code);
            shipped.findElement(By.name("collectedVnd")).sendKeys(quoted.replaceAll("[^0-9]", ""));
            shipped.findElement(By.cssSelector("form.delivered button")).click();
            new WebDriverWait(producer, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("done=delivered"));
        } finally {
            producer.quit();
        }

        shopper.get(order);
        assertThat(shopper.findElement(By.cssSelector(".status")).getAttribute("data-status")).isEqualTo("COMPLETED");
        assertThat(shopper.findElements(By.cssSelector(".timeline li"))).extracting(WebElement::getText)
                .satisfiesExactly(
                        placed -> assertThat(placed).contains("Đã đặt hàng"),
                        confirmed -> assertThat(confirmed).contains("Người bán đã xác nhận"),
                        shipped -> assertThat(shipped).contains("Đã gửi hàng"),
                        delivered -> assertThat(delivered).contains("Đã giao hàng"));
        assertThat(fixtures.reserved(product)).isZero();
    }

    @Test
    void aPickupIsConfirmedByItsProducerAndStaffTakeTheCashAndHandItOver() {
        UUID product = fixtures.productOf(PRODUCER, 3);
        signIn(shopper, SHOPPER);
        shopper.get(url("/products/" + product));
        shopper.findElement(By.cssSelector("form.add-to-cart button")).click();
        waitFor(ExpectedConditions.urlContains("/cart"));
        shopper.findElement(By.linkText("Đặt hàng")).click();
        waitFor(ExpectedConditions.urlToBe(url("/checkout")));

        type("name", "Trần Văn Nam");
        type("phone", "0987 654 321");
        shopper.findElement(By.cssSelector("input[name=mode][value=PICKUP]")).click();
        assertThat(shopper.findElement(By.name("street")).isDisplayed()).as("no address for a pickup").isFalse();
        shopper.findElement(By.cssSelector("input[name=pickupLocationId][value='" + fixtures.showroom() + "']")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#quote"), "không mất phí vận chuyển"));
        shopper.findElement(By.cssSelector("input[name=payment][value=PAY_AT_PICKUP]")).click();
        submit();

        waitFor(ExpectedConditions.urlContains("?placed"));
        String code = shopper.findElement(By.cssSelector(".pickup-code .code")).getText();
        assertThat(code).matches("[A-Z0-9]{6}");
        String orderCode = shopper.findElement(By.cssSelector("h1")).getText().replaceAll(".*(OCOP-[A-Z0-9]{8}).*", "$1");
        String total = shopper.findElement(By.cssSelector(".order-total")).getText();
        String order = shopper.getCurrentUrl().replace("?placed", "");

        WebDriver producer = Browser.start();
        try {
            signIn(producer, PRODUCER);
            producer.get(url("/producer/orders"));
            partFor(producer, orderCode).findElement(By.cssSelector("button.confirm")).click();
            new WebDriverWait(producer, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("done=confirm"));
        } finally {
            producer.quit();
        }

        WebDriver staff = Browser.start();
        try {
            signIn(staff, "staff@demo.ocop.vn");
            staff.get(url("/staff/pickups"));
            WebElement row = staff.findElements(By.cssSelector("tr.pickup-row")).stream().filter(r -> r.getText().contains(orderCode)).findFirst()
                    .orElseThrow(() -> new AssertionError(orderCode + " not waiting"));
            assertThat(row.findElement(By.cssSelector(".amount")).getText()).as("the amount to take").isEqualTo(total);
            assertThat(staff.getPageSource()).as("staff never see the code").doesNotContain(code);
            staff.findElement(By.name("code")).sendKeys(code);
            staff.findElement(By.cssSelector("form.find button")).click();
            new WebDriverWait(staff, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".found .amount-due")));
            assertThat(staff.findElement(By.cssSelector(".found .amount-due")).getText()).isEqualTo(total);
            staff.findElement(By.cssSelector("input[name=method][value=CASH]")).click();
            staff.findElement(By.name("amountVnd")).sendKeys(total.replaceAll("[^0-9]", ""));
            staff.findElement(By.cssSelector("form.handover button")).click();
            new WebDriverWait(staff, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("handedOver="));
            assertThat(staff.findElement(By.cssSelector("p.notice")).getText()).startsWith("Đã giao đơn OCOP-");
        } finally {
            staff.quit();
        }

        shopper.get(order);
        assertThat(shopper.findElement(By.cssSelector(".status")).getAttribute("data-status")).isEqualTo("COMPLETED");
        assertThat(shopper.findElement(By.cssSelector(".paid")).getText()).contains("đã thanh toán (tiền mặt)");
        assertThat(shopper.findElements(By.cssSelector(".pickup-code"))).as("nothing left to read out").isEmpty();
        assertThat(fixtures.reserved(product)).isZero();
    }

    private static WebElement partFor(WebDriver producer, String orderCode) {
        return new WebDriverWait(producer, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("li.part")).stream()
                .filter(li -> li.findElement(By.cssSelector(".order-code")).getText().equals(orderCode)).findFirst().orElse(null));
    }

    private void signIn(WebDriver browser, String email) {
        if (!browser.getCurrentUrl().contains("/login")) {
            browser.get(url("/login"));
        }
        browser.findElement(By.name("username")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Types into a field the page may have filled in already (the last delivery's recipient and address). */
    private void type(String field, String text) {
        WebElement input = shopper.findElement(By.name(field));
        input.clear();
        input.sendKeys(text);
    }

    private void submit() {
        shopper.findElement(By.cssSelector("#checkout-form > button[type=submit]")).click();
    }

    private String name(UUID product) {
        return db.sql("select name from product where id = :id").bind("id", product).map((r, m) -> r.get("name", String.class)).one().block();
    }

    private static String withoutDiacritics(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
    }

    private void assertNoSidewaysScrolling() {
        var js = (JavascriptExecutor) shopper;
        assertThat((Long) js.executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo((long) Browser.PHONE_WIDTH);
    }

    private void waitFor(ExpectedCondition<?> condition) {
        // htmx swaps parts of the page (communes, the quote) while we look: a vanished element is looked for again
        new WebDriverWait(shopper, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

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
import vn.ocop.catalog.CatalogChanges;
import vn.ocop.catalog.Inventory;
import vn.ocop.storefront.Browser;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.SearchIndexReady;

/**
 * A shopper on a phone: finds a product by searching without diacritics, adds it to the cart before signing
 * in, checks out with cash on delivery and sees the order PLACED; and orders for pickup, paying at the
 * showroom, where staff hand it over against the code and the shopper then sees it COMPLETED.
 */
@StorefrontTest
class CheckoutBrowserTests {

    static final String PASSWORD = "ocop-demo-2026";

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
    void searchAddToCartSignInAndPayCashOnDelivery() {
        UUID product = fixtures.productWithStock(5);
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
        signIn(shopper, "shopper@demo.ocop.vn");
        waitFor(ExpectedConditions.urlToBe(url("/checkout")));
        assertThat(shopper.findElement(By.cssSelector(".summary")).getText()).as("the anonymous cart, merged at sign-in").contains(name);

        shopper.findElement(By.name("name")).sendKeys("Nguyễn Thị Mai");
        shopper.findElement(By.name("phone")).sendKeys("0912345678");
        new Select(shopper.findElement(By.name("provinceCode"))).selectByVisibleText("Thành phố Hà Nội");
        waitFor(d -> new Select(d.findElement(By.name("communeCode"))).getOptions().size() > 1);
        new Select(shopper.findElement(By.name("communeCode"))).selectByVisibleText("Phường Hoàn Kiếm");
        shopper.findElement(By.name("street")).sendKeys("12 Phố Hàng Bạc");
        assertNoSidewaysScrolling();
        submit();

        waitFor(ExpectedConditions.urlContains("?placed"));
        assertThat(shopper.findElement(By.cssSelector(".status")).getText()).isEqualTo("Đã đặt");
        assertThat(shopper.findElement(By.cssSelector(".status")).getAttribute("data-status")).isEqualTo("PLACED");
        assertThat(shopper.findElement(By.cssSelector("p.delivery")).getText()).contains("Phường Hoàn Kiếm", "Thành phố Hà Nội");
        assertThat(fixtures.reserved(product)).isEqualTo(1);
    }

    @Test
    void orderForPickupPayAtTheShowroomAndStaffHandItOverByCode() {
        UUID product = fixtures.productWithStock(3);
        signIn(shopper, "shopper@demo.ocop.vn");
        shopper.get(url("/products/" + product));
        shopper.findElement(By.cssSelector("form.add-to-cart button")).click();
        waitFor(ExpectedConditions.urlContains("/cart"));
        shopper.findElement(By.linkText("Đặt hàng")).click();
        waitFor(ExpectedConditions.urlToBe(url("/checkout")));

        shopper.findElement(By.name("name")).sendKeys("Trần Văn Nam");
        shopper.findElement(By.name("phone")).sendKeys("0987 654 321");
        shopper.findElement(By.cssSelector("input[name=mode][value=PICKUP]")).click();
        shopper.findElement(By.cssSelector("input[name=pickupLocationId][value='" + fixtures.showroom() + "']")).click();
        shopper.findElement(By.cssSelector("input[name=payment][value=PAY_AT_PICKUP]")).click();
        submit();

        waitFor(ExpectedConditions.urlContains("?placed"));
        String code = shopper.findElement(By.cssSelector(".pickup-code .code")).getText();
        assertThat(code).matches("[A-Z0-9]{6}");
        String order = shopper.getCurrentUrl().replace("?placed", "");

        WebDriver staff = Browser.start();
        try {
            signIn(staff, "staff@demo.ocop.vn");
            staff.get(url("/staff/pickups"));
            staff.findElement(By.name("code")).sendKeys(code);
            staff.findElement(By.cssSelector("form.handover button")).click();
            new WebDriverWait(staff, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("handedOver="));
            assertThat(staff.findElement(By.cssSelector("p.notice")).getText()).startsWith("Đã giao đơn OCOP-");
        } finally {
            staff.quit();
        }

        shopper.get(order);
        assertThat(shopper.findElement(By.cssSelector(".status")).getAttribute("data-status")).isEqualTo("COMPLETED");
        assertThat(shopper.findElement(By.cssSelector(".status")).getText()).isEqualTo("Hoàn thành");
        assertThat(fixtures.reserved(product)).isZero();
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
        new WebDriverWait(shopper, Duration.ofSeconds(10)).until(condition);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

package vn.ocop.storefront.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.storefront.Browser;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.orders.StockedProducts;

/**
 * The producer schedules an event, goes live, pins a product and opens a flash offer in the control room while
 * a shopper watches the event's page: the pinned product, then its flash price and remaining count, appear there
 * without a reload, and Buy now puts the unit in the cart at the flash price.
 */
@StorefrontTest
class LiveBrowserTests {

    static final String PASSWORD = "ocop-demo-2026";

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient db;
    @Autowired
    Inventory inventory;

    WebDriver host;
    WebDriver viewer;

    @BeforeEach
    void openBrowsers() {
        host = Browser.start();
        viewer = Browser.start();
    }

    @AfterEach
    void closeBrowsers() {
        host.quit();
        viewer.quit();
    }

    @Test
    void aPinAndAFlashOfferAppearOnAnOpenViewerPageWithoutReload() {
        StockedProducts fixtures = new StockedProducts(db, inventory);
        fixtures.emptyCartOf("shopper@demo.ocop.vn");
        UUID product = fixtures.productOf("producer@demo.ocop.vn", 20);
        String name = db.sql("select name from product where id = :id").bind("id", product).map((r, m) -> r.get("name", String.class)).one().block();

        signIn(host, "producer@demo.ocop.vn");
        host.get(url("/producer/live"));
        host.findElement(By.name("title")).sendKeys("Đặc sản vùng cao trực tiếp");
        host.findElement(By.name("videoUrl")).sendKeys("https://www.youtube.com/live/dQw4w9WgXcQ");
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusMinutes(5);
        setDateTime(host, "plannedStart", start);
        setDateTime(host, "plannedEnd", start.plusHours(1));
        host.findElement(By.cssSelector("main form.form button[type=submit]")).click();
        wait(host).until(ExpectedConditions.urlMatches("/producer/live/[0-9a-f-]{36}$"));
        String event = host.getCurrentUrl().substring(host.getCurrentUrl().lastIndexOf('/') + 1);
        host.findElement(By.id("go-live")).click();
        wait(host).until(ExpectedConditions.urlContains("?done"));

        signIn(viewer, "shopper@demo.ocop.vn");
        viewer.get(url("/live/" + event));
        wait(viewer).until(d -> "true".equals(d.findElement(By.id("live")).getAttribute("data-listening")));
        assertThat(viewer.findElement(By.id("pinned")).getText()).isEqualTo("Người bán chưa ghim sản phẩm nào.");
        ((JavascriptExecutor) viewer).executeScript("document.body.dataset.loadedOnce = 'yes'");

        new Select(host.findElement(By.cssSelector("#pin-form select"))).selectByValue(product.toString());
        host.findElement(By.cssSelector("#pin-form button")).click();
        wait(host).until(ExpectedConditions.urlContains("?done"));
        wait(viewer).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#pinned .name"), name));

        new Select(host.findElement(By.name("stocked"))).selectByValue(product + ":" + fixtures.showroom());
        host.findElement(By.name("flashPriceVnd")).sendKeys("1000");
        host.findElement(By.name("cap")).sendKeys("5");
        host.findElement(By.cssSelector("#offer-form button")).click();
        wait(host).until(ExpectedConditions.urlContains("?done"));
        wait(viewer).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#pinned .flash-price"), "1.000 ₫"));
        assertThat(viewer.findElement(By.cssSelector("#pinned .remaining")).getText()).isEqualTo("Còn 5/5");
        assertThat(((JavascriptExecutor) viewer).executeScript("return document.body.dataset.loadedOnce")).as("no reload").isEqualTo("yes");

        viewer.findElement(By.cssSelector("#pinned form.buy button")).click();
        wait(viewer).until(ExpectedConditions.urlContains("/cart"));
        assertThat(viewer.findElement(By.cssSelector("tr.cart-line")).getText()).contains(name, "1 sản phẩm giá flash", "1.000 ₫");
    }

    private static void setDateTime(WebDriver browser, String field, LocalDateTime at) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.name(field)),
                at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
    }

    private void signIn(WebDriver browser, String email) {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait(browser).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

package vn.ocop.storefront.web.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.ocop.storefront.Browser;
import vn.ocop.storefront.StorefrontTest;

/**
 * The producer's statement in a phone's browser: the page fits without sideways scrolling (wide tables scroll in
 * place), the weekly chart draws a bar per week that sold, taller for the better week, under the strict CSP.
 */
@StorefrontTest
class StatementBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    ChromeDriver browser;

    @BeforeEach
    void salesInTwoWeeksAndSignedIn() {
        UUID producer = db.sql("select producer_id from account where email = 'producer@demo.ocop.vn'").map((r, m) -> r.get("producer_id", UUID.class)).one().block();
        UUID product = db.sql("select id from product where producer_id = :p order by id limit 1").bind("p", producer)
                .map((r, m) -> r.get("id", UUID.class)).one().block();
        UUID showroom = db.sql("select id from location where name like 'Showroom OCOP Hà Nội%'").map((r, m) -> r.get("id", UUID.class)).one().block();
        OffsetDateTime now = OffsetDateTime.now();
        sell(showroom, product, 1, 50_000, now.minusDays(7));
        sell(showroom, product, 4, 50_000, now);
        browser = Browser.start();
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys("producer@demo.ocop.vn");
        browser.findElement(By.name("password")).sendKeys("ocop-demo-2026");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url("/")));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    private void sell(UUID showroom, UUID product, int quantity, long unitPrice, OffsetDateTime at) {
        web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/api/v1/locations/{id}/sync", showroom).header(HttpHeaders.AUTHORIZATION, "Bearer ocop-demo-till-hanoi-showroom-2026")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("deviceId", "quay-1", "movements", List.of(Map.of("id", UUID.randomUUID(), "type", "SALE", "productId", product,
                        "quantity", quantity, "unitPrice", unitPrice, "occurredAt", at.toString()))))
                .exchange().expectStatus().isOk();
    }

    @Test
    void theStatementFitsAPhoneAndItsChartDrawsABarPerWeekThatSold() throws Exception {
        // statements count days in Vietnam: from 17:00 UTC the machine's date is still yesterday there
        java.time.LocalDate today = java.time.LocalDate.now(vn.ocop.catalog.CatalogTime.ZONE);
        browser.get(url("/producer/statements?from=" + today.minusDays(14) + "&to=" + today));

        List<WebElement> bars = browser.findElements(By.cssSelector(".sales-chart rect.bar"));
        List<Double> heights = bars.stream().map(b -> b.getRect().getHeight() * 1.0).filter(h -> h > 0).toList();
        assertThat(heights).as("two weeks sold, the later four times as much").hasSize(2);
        assertThat(heights.get(1)).isGreaterThan(heights.get(0) * 3);
        assertThat(browser.findElement(By.cssSelector("[data-total=collected]")).getText()).isEqualTo("250.000 ₫");
        assertThat((Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((long) Browser.PHONE_WIDTH);
        // for people reviewing the page: the chart on a phone, in target/screenshots
        ((JavascriptExecutor) browser).executeScript("document.querySelector('.sales-chart').scrollIntoView()");
        Path shot = Path.of("target/screenshots/statement-phone.png");
        Files.createDirectories(shot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

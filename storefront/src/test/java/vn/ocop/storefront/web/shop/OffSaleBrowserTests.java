package vn.ocop.storefront.web.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.ocop.catalog.changes.CatalogChanges;
import vn.ocop.storefront.Browser;
import vn.ocop.storefront.SearchIndexReady;
import vn.ocop.storefront.StorefrontTest;

/**
 * The council revokes a ranking: the product leaves every list and its page answers 404, while its
 * producer still sees it on the dashboard with the reason. An expired ranking shows the same way.
 */
@StorefrontTest
class OffSaleBrowserTests {

    static final String PRODUCT = "Mật ong rừng sữa ong chúa"; // Xuân Nguyên's, on sale with a demo date
    static final String EXPIRED = "Mật ong nhân sâm";          // 1066/QĐ-UBND of 2023-03-28: expired 2026-03-28

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    CatalogChanges changes;

    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void revokedProductLeavesListsAndItsPageButItsProducerSeesWhy() {
        UUID product = id("select id from product where name = :n", PRODUCT);
        SearchIndexReady.drained(changes);
        open("/search?q=mat ong rung sua ong chua");
        assertThat(names()).contains(PRODUCT);

        UUID ranking = id("select c.id from certification c join product p on p.id = c.product_id where p.name = :n", PRODUCT);
        web.post().uri("/api/v1/council/certifications/{id}/revoke", ranking)
                .headers(h -> h.setBasicAuth("council@demo.ocop.vn", "ocop-demo-2026"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"Mẫu kiểm tra không đạt chỉ tiêu vi sinh\"}")
                .exchange().expectStatus().isOk();
        SearchIndexReady.drained(changes);

        open("/search?q=mat ong rung sua ong chua");
        assertThat(names()).doesNotContain(PRODUCT);
        open("/products?province=TP. Hồ Chí Minh");
        assertThat(names()).doesNotContain(PRODUCT);
        open("/products/" + product);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("404");

        signInAsProducer();
        open("/producer");
        assertThat(reasonOf(PRODUCT)).contains("bị thu hồi", "Mẫu kiểm tra không đạt chỉ tiêu vi sinh");
        assertThat(reasonOf(EXPIRED)).contains("hết hạn ngày 28/03/2026");
    }

    private void signInAsProducer() {
        open("/login");
        browser.findElement(By.name("username")).sendKeys("producer@demo.ocop.vn");
        browser.findElement(By.name("password")).sendKeys("ocop-demo-2026");
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        // the next page is opened only once signing in has finished, or opening it would cut the sign-in short
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private String reasonOf(String name) {
        return browser.findElements(By.cssSelector("tr.listing")).stream()
                .filter(row -> row.getText().contains(name))
                .map(WebElement::getText).findFirst().orElse("(not on the dashboard)");
    }

    private java.util.List<String> names() {
        return browser.findElements(By.cssSelector("li.product h2.name")).stream().map(WebElement::getText).toList();
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    private UUID id(String sql, String name) {
        return db.sql(sql).bind("n", name).map((r, m) -> r.get(0, UUID.class)).first().block();
    }
}

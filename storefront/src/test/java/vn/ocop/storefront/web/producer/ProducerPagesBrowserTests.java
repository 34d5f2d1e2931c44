package vn.ocop.storefront.web.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.ocop.storefront.Browser;
import vn.ocop.storefront.StorefrontTest;

@StorefrontTest
@TestPropertySource(properties = "ocop.images-dir=target/test-images/producer-browser")
class ProducerPagesBrowserTests {

    @LocalServerPort
    int port;

    WebDriver browser;

    @BeforeEach
    void signInOnAPhone() {
        browser = Browser.start();
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys("producer@demo.ocop.vn");
        browser.findElement(By.name("password")).sendKeys("ocop-demo-2026");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(ExpectedConditions.urlToBe(url("/")));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void dashboardFitsAPhoneAndSaysWhyAListingIsOffSale() {
        browser.get(url("/producer"));

        WebElement honey = browser.findElements(By.cssSelector("tr.listing")).stream()
                .filter(row -> row.getText().contains("Mật ong nhân sâm")).findFirst().orElseThrow();
        assertThat(honey.findElement(By.cssSelector(".reason")).getText()).isEqualTo("Chứng nhận hết hạn ngày 28/03/2026");
        assertNoSidewaysScrolling();
    }

    @Test
    void newListingIsDraftedOnAPhoneAndItsPageFits() {
        browser.get(url("/producer/products/new"));
        browser.findElement(By.name("name")).sendKeys("Miến dong Bình Liêu");
        new Select(browser.findElement(By.name("group"))).selectByValue("FOOD");
        browser.findElement(By.name("priceVnd")).sendKeys("65.000");
        browser.findElement(By.name("salesUnit")).sendKeys("gói 500g");
        browser.findElement(By.name("shippingWeightGrams")).sendKeys("550");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(ExpectedConditions.urlContains("?created"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Miến dong Bình Liêu");
        assertThat(browser.findElement(By.name("priceVnd")).getAttribute("value")).isEqualTo("65000");
        assertThat(browser.findElement(By.name("shippingWeightGrams")).getAttribute("value")).isEqualTo("550");
        assertThat(browser.findElement(By.cssSelector("img.qr")).getAttribute("naturalWidth")).isNotEqualTo("0");
        assertNoSidewaysScrolling();
    }

    private void assertNoSidewaysScrolling() {
        var js = (JavascriptExecutor) browser;
        assertThat((Long) js.executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo((long) Browser.PHONE_WIDTH);
    }

    private void waitFor(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

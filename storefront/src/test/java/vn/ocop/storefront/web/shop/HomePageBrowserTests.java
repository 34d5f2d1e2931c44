package vn.ocop.storefront.web.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ocop.storefront.Browser;
import vn.ocop.storefront.StorefrontTest;

@StorefrontTest
class HomePageBrowserTests {

    @LocalServerPort
    int port;

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
    void shopperOnAPhoneSeesRealProductsWithStarsAndPrices() {
        browser.get("http://127.0.0.1:" + port + "/");
        List<WebElement> products = browser.findElements(By.cssSelector("li.product"));
        assertThat(products).hasSizeGreaterThan(10);
        WebElement first = products.get(0);
        assertThat(first.findElement(By.cssSelector(".stars")).getText()).isEqualTo("★★★★★");
        assertThat(first.findElement(By.cssSelector(".amount")).getText()).matches("\\d{1,3}(\\.\\d{3})* ₫");
        assertThat(browser.findElements(By.cssSelector("li.product h2.name")).stream().map(WebElement::getText))
                .contains("Trà hoa vàng Ba Chẽ");
        // laid out for a 390 px wide phone: nothing wider than the screen, so no sideways scrolling
        var js = (org.openqa.selenium.JavascriptExecutor) browser;
        assertThat((Long) js.executeScript("return window.innerWidth")).isEqualTo((long) Browser.PHONE_WIDTH);
        assertThat((Long) js.executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo((long) Browser.PHONE_WIDTH);
    }

    @Test
    void languageSwitchTurnsThePageIntoEnglish() {
        browser.get("http://127.0.0.1:" + port + "/");
        browser.findElement(By.cssSelector("a.lang")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("OCOP specialties on sale");
    }
}

package vn.ocop.storefront.web.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ocop.catalog.changes.CatalogChanges;
import vn.ocop.storefront.Browser;
import vn.ocop.storefront.SearchIndexReady;
import vn.ocop.storefront.StorefrontTest;

/** The search box's suggestions used from the keyboard, and the filtered results page on a phone. */
@StorefrontTest
class SearchBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    CatalogChanges changes;

    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        SearchIndexReady.drained(changes);
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void suggestionsAreAComboboxToWalkWithTheArrowKeysAndPickWithEnter() {
        browser.get("http://127.0.0.1:" + port + "/");
        WebElement box = browser.findElement(By.cssSelector("input[role=combobox]"));
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(box.getAttribute("aria-autocomplete")).isEqualTo("list");
        box.sendKeys("mat ong");
        await().atMost(Duration.ofSeconds(10)).until(() -> "true".equals(box.getAttribute("aria-expanded")));
        List<WebElement> options = browser.findElements(By.cssSelector("#" + box.getAttribute("aria-controls") + " [role=option]"));
        assertThat(options).hasSizeBetween(2, 8);
        assertThat(browser.findElement(By.id("search-suggestions-status")).getAttribute("textContent")).isEqualTo(options.size() + " gợi ý");

        box.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(options.get(1).getAttribute("id"));
        assertThat(options.get(1).getAttribute("aria-selected")).isEqualTo("true");
        box.sendKeys(Keys.ARROW_UP);
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(options.get(0).getAttribute("id"));
        box.sendKeys(Keys.ESCAPE);
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(box.getAttribute("aria-activedescendant")).isNull();
        assertThat(box.getAttribute("value")).as("Escape closes the list, keeps the text").isEqualTo("mat ong");

        box.sendKeys(Keys.ARROW_DOWN);
        String picked = options.get(0).getText();
        box.sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/search?q="));
        assertThat(URLDecoder.decode(browser.getCurrentUrl(), StandardCharsets.UTF_8)).endsWith("/search?q=" + picked);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(picked);
    }

    @Test
    void onAPhoneTheFiltersInForceLeaveTheFirstResultOnTheFirstScreen() {
        browser.get("http://127.0.0.1:" + port + "/search?q=mat%20ong&group=FOOD&stars=4&minPrice=100000&maxPrice=199999&sort=PRICE_ASC");
        List<WebElement> chips = browser.findElements(By.cssSelector(".active-filters .chip"));
        assertThat(chips).hasSize(4);
        var js = (JavascriptExecutor) browser;
        long screen = (Long) js.executeScript("return window.innerHeight");
        Number firstResultTop = (Number) js.executeScript("return document.querySelector('li.product').getBoundingClientRect().top");
        assertThat(firstResultTop.doubleValue()).as("the first result starts on the first screen").isLessThan(screen - 120);
        assertThat((Long) js.executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo((long) Browser.PHONE_WIDTH);

        chips.get(1).click(); // the stars filter, alone
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.getCurrentUrl().contains("stars="));
        assertThat(browser.getCurrentUrl()).contains("q=mat%20ong", "group=FOOD", "minPrice=100000", "sort=PRICE_ASC");
    }
}

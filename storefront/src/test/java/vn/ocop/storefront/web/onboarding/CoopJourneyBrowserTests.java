package vn.ocop.storefront.web.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.storefront.Browser;
import vn.ocop.storefront.Mailbox;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.orders.StockedProducts;

/**
 * A co-op's first sale, through the pages only: it applies on the public page, ADMIN approves, its owner sets a
 * password from the e-mailed link, lists a product and receives stock at the warehouse approval gave it, the council
 * of its province ranks the product 4 stars, a shopper buys it cash on delivery, the owner ships it and collects the
 * cash, and sees the sale on its statement.
 */
@StorefrontTest
class CoopJourneyBrowserTests {

    static final String EMAIL = "htx.dieuphuloi@example.vn";
    static final String REPRESENTATIVE = "Lê Văn Phúc";
    static final String PASSWORD = "Hat-dieu-Phu-Loi-2026";
    static final String DEMO_PASSWORD = "ocop-demo-2026";
    static final String COOP = "HTX Hạt điều Phú Lợi";
    static final String PRODUCT = "Hạt điều rang muối Phú Lợi";

    @RegisterExtension
    static final Mailbox.SmtpServer smtp = Mailbox.server();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        Mailbox.sendTo(smtp, properties);
    }

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient db;
    @Autowired
    Inventory inventory;

    ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        new StockedProducts(db, inventory).emptyCartOf("shopper@demo.ocop.vn");
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aCoopAppliesIsApprovedListsAProductItsProvincesCouncilRanksItSellsAndTheOwnerSeesTheSaleOnItsStatement() throws Exception {
        apply();

        signIn("admin@demo.ocop.vn", DEMO_PASSWORD);
        browser.get(url("/admin/producer-applications"));
        browser.findElement(By.linkText(COOP)).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#approve-form button[type=submit]"))).click();
        waitFor(ExpectedConditions.urlContains("?approved"));
        signOut();

        browser.get(Mailbox.link(Mailbox.latestTo(smtp, EMAIL)));
        type("password", PASSWORD);
        type("confirmPassword", PASSWORD);
        browser.findElement(By.cssSelector("#set-password-form button[type=submit]")).click();
        waitFor(ExpectedConditions.urlToBe(url("/login?passwordSet")));
        signIn(EMAIL, PASSWORD);
        // the header names the person (the representative named in the application), the e-mail as its tooltip
        var who = browser.findElement(By.cssSelector(".account-menu .who"));
        assertThat(who.getText()).isEqualTo(REPRESENTATIVE);
        assertThat(who.getAttribute("title")).isEqualTo(EMAIL);
        String product = listAndStock();
        signOut();

        signIn("council-province@demo.ocop.vn", DEMO_PASSWORD);
        rank(product);
        signOut();

        signIn("shopper@demo.ocop.vn", DEMO_PASSWORD);
        browser.get(url("/products/" + product));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(PRODUCT);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("★★★★", COOP);
        browser.findElement(By.cssSelector("form.add-to-cart button")).click();
        waitFor(ExpectedConditions.urlContains("/cart"));
        String total = checkoutCashOnDelivery();
        String code = browser.findElement(By.cssSelector("h1")).getText().replaceAll(".*(OCOP-[A-Z0-9]{8}).*", "$1");
        signOut();

        signIn(EMAIL, PASSWORD);
        shipAndCollect(code, total);
        browser.get(url("/producer/statements"));
        WebElement online = waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.line[data-channel=ONLINE_DELIVERY]")));
        assertThat(total).as("the goods and the shipping the producer carries").isNotEqualTo("185.000 ₫");
        assertThat(online.getText()).as("the sale on the statement, from its warehouse").contains("Kho " + COOP, total);
        assertThat(browser.findElement(By.cssSelector("[data-total=collected]")).getText()).isEqualTo(total);
        assertThat(browser.findElements(By.cssSelector("#totals tr.sub")).get(0).getText())
                .as("the producer holds the cash it collected").isEqualTo("Trong đó bạn tự thu (COD, quầy của bạn) " + total);
        screenshot("coop-journey-statement.png");
    }

    private void apply() {
        browser.get(url("/"));
        browser.findElement(By.cssSelector(".site-footer a.apply-link")).click();
        waitFor(ExpectedConditions.urlToBe(url("/producers/apply")));
        type("name", COOP);
        type("registrationNumber", "5701234566");
        type("taxCode", "5701234566");
        type("representative", REPRESENTATIVE);
        new Select(browser.findElement(By.name("provinceCode"))).selectByValue("79");
        waitFor(d -> new Select(d.findElement(By.name("communeCode"))).getOptions().size() > 1);
        new Select(browser.findElement(By.name("communeCode"))).selectByVisibleText("Phường Phú Lợi");
        type("phone", "0912 345 678");
        type("email", EMAIL);
        new Select(browser.findElement(By.name("bank"))).selectByValue("VBA");
        type("accountNumber", "1500205012345");
        type("accountHolder", "HTX HAT DIEU PHU LOI");
        browser.findElement(By.cssSelector("#application-form button[type=submit]")).click();
        waitFor(ExpectedConditions.urlToBe(url("/producers/apply/sent")));
    }

    /** The owner's draft, published, and 10 received at its warehouse; answers the product's id. */
    private String listAndStock() {
        browser.get(url("/producer/products/new"));
        type("name", PRODUCT);
        new Select(browser.findElement(By.name("group"))).selectByValue("FOOD");
        type("priceVnd", "185000");
        type("salesUnit", "Hộp 500 g");
        browser.findElement(By.name("shippingWeightGrams")).clear();
        type("shippingWeightGrams", "600");
        type("description", "Hạt điều Bình Phước rang muối thủ công tại Phú Lợi.");
        browser.findElement(By.cssSelector("main form.form button[type=submit]")).click();
        waitFor(ExpectedConditions.urlContains("?created"));
        String product = browser.getCurrentUrl().replaceAll(".*/producer/products/([0-9a-f-]{36}).*", "$1");
        browser.findElement(By.cssSelector("form[action$='/publish'] button")).click();
        waitFor(ExpectedConditions.urlContains("?published"));

        browser.get(url("/producer/stock"));
        assertThat(new Select(browser.findElement(By.cssSelector("#record select[name=locationId]"))).getFirstSelectedOption().getText())
                .as("the warehouse approval created").contains("Kho " + COOP);
        new Select(browser.findElement(By.cssSelector("#record select[name=type]"))).selectByValue("RECEIPT");
        new Select(browser.findElement(By.cssSelector("#record select[name=productId]"))).selectByValue(product);
        browser.findElement(By.cssSelector("#record input[name=quantity]")).sendKeys("10");
        browser.findElement(By.cssSelector("#record button[type=submit]")).click();
        waitFor(ExpectedConditions.urlContains("?recorded"));
        return product;
    }

    private void rank(String product) {
        browser.get(url("/council?q=" + java.net.URLEncoder.encode(PRODUCT, java.nio.charset.StandardCharsets.UTF_8)));
        browser.findElement(By.cssSelector("#search a[href*='product=" + product + "']")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#record input[name=decisionNo]")));
        browser.findElement(By.cssSelector("#record input[name=decisionNo]")).sendKeys("3107/QĐ-UBND");
        new Select(browser.findElement(By.cssSelector("#record select[name=level]"))).selectByValue("PROVINCIAL");
        new Select(browser.findElement(By.cssSelector("#record select[name=stars]"))).selectByValue("4");
        browser.findElement(By.cssSelector("#record input[name=score]")).sendKeys("78");
        browser.findElement(By.cssSelector("#record input[name=issuingBody]")).sendKeys("UBND Thành phố Hồ Chí Minh");
        // a date input takes the browser's locale format when typed: set the ISO value it submits
        browser.executeScript("document.querySelector('#record input[name=issuedOn]').value = arguments[0]",
                LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(3).toString());
        browser.findElement(By.cssSelector("#record button[type=submit]")).click();
        waitFor(ExpectedConditions.urlContains("recorded"));
    }

    /** Delivery to Hà Nội, cash on delivery; answers the order's total as the page shows it. */
    private String checkoutCashOnDelivery() {
        browser.findElement(By.linkText("Đặt hàng")).click();
        waitFor(ExpectedConditions.urlToBe(url("/checkout")));
        type("name", "Nguyễn Thị Mai");
        type("phone", "0912345678");
        new Select(browser.findElement(By.name("provinceCode"))).selectByVisibleText("Thành phố Hà Nội");
        waitFor(d -> new Select(d.findElement(By.name("communeCode"))).getOptions().size() > 1);
        new Select(browser.findElement(By.name("communeCode"))).selectByVisibleText("Phường Hoàn Kiếm");
        type("street", "12 Phố Hàng Bạc");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#quote .shipping-fee")));
        WebElement cod = browser.findElement(By.cssSelector("input[name=payment][value=COD]"));
        if (!cod.isSelected()) {
            cod.click();
        }
        browser.findElement(By.cssSelector("#checkout-form > button[type=submit]")).click();
        waitFor(ExpectedConditions.urlContains("?placed"));
        return browser.findElement(By.cssSelector(".order-total")).getText();
    }

    private void shipAndCollect(String code, String total) {
        browser.get(url("/producer/orders"));
        part(code).findElement(By.cssSelector("button.confirm")).click();
        waitFor(ExpectedConditions.urlContains("done=confirm"));
        part(code).findElement(By.cssSelector("button.ship")).click();
        waitFor(ExpectedConditions.urlContains("done=ship"));
        WebElement shipped = part(code);
        shipped.findElement(By.name("collectedVnd")).sendKeys(total.replaceAll("[^0-9]", ""));
        shipped.findElement(By.cssSelector("form.delivered button")).click();
        waitFor(ExpectedConditions.urlContains("done=delivered"));
    }

    private WebElement part(String orderCode) {
        return waitFor(d -> d.findElements(By.cssSelector("li.part")).stream()
                .filter(li -> li.findElement(By.cssSelector(".order-code")).getText().equals(orderCode)).findFirst().orElse(null));
    }

    private void signIn(String email, String password) {
        browser.get(url("/login"));
        type("username", email);
        type("password", password);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void signOut() {
        browser.manage().deleteAllCookies();
    }

    private void type(String field, String text) {
        // in the page's main part: the head's <meta name="description"> is not the listing's description
        browser.findElement(By.cssSelector("main [name='" + field + "']")).sendKeys(text);
    }

    private <T> T waitFor(ExpectedCondition<T> condition) {
        // htmx swaps parts of the page (communes, the quote) while we look: a vanished element is looked for again
        return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(condition);
    }

    private void screenshot(String name) throws Exception {
        // for people reviewing the pages, in target/screenshots
        Path shot = Path.of("target/screenshots", name);
        Files.createDirectories(shot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

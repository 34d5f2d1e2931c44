package vn.ocop.storefront.web.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.storefront.Browser;
import vn.ocop.storefront.Mailbox;
import vn.ocop.storefront.StorefrontTest;

/** A co-op joins: it applies on the public page, ADMIN approves, its owner sets a password from the e-mailed link and signs in. */
@StorefrontTest
class OnboardingBrowserTests {

    static final int SMTP_PORT = Mailbox.freePort();
    static final String EMAIL = "htx.chetancuong@example.vn";
    static final String PASSWORD = "Che-ngon-Thai-Nguyen-2026";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
    }

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
    void coopAppliesAdminApprovesAndTheOwnerSetsAPasswordFromTheMailedLinkAndSeesItsDashboard() {
        browser.get(url("/"));
        browser.findElement(By.cssSelector(".site-footer a.apply-link")).click();
        waitFor(ExpectedConditions.urlToBe(url("/producers/apply")));
        type("name", "HTX Chè Tân Cương Thái Nguyên");
        type("registrationNumber", "5701234566");
        type("taxCode", "5701234566");
        type("representative", "Nguyễn Thị Hoa");
        new Select(browser.findElement(By.name("provinceCode"))).selectByValue("19");
        waitFor(d -> new Select(d.findElement(By.name("communeCode"))).getOptions().size() > 1);
        new Select(browser.findElement(By.name("communeCode"))).selectByVisibleText("Xã Tân Cương");
        type("phone", "0912 345 678");
        type("email", EMAIL);
        new Select(browser.findElement(By.name("bank"))).selectByValue("VBA");
        type("accountNumber", "1500205012345");
        type("accountHolder", "HTX CHE TAN CUONG THAI NGUYEN");
        browser.findElement(By.cssSelector("#application-form button[type=submit]")).click();
        waitFor(ExpectedConditions.urlToBe(url("/producers/apply/sent")));

        signIn("admin@demo.ocop.vn", "ocop-demo-2026");
        browser.get(url("/admin/producer-applications"));
        browser.findElement(By.linkText("HTX Chè Tân Cương Thái Nguyên")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#approve-form button[type=submit]"))).click();
        waitFor(ExpectedConditions.urlContains("?approved"));
        browser.manage().deleteAllCookies();

        browser.get(Mailbox.link(Mailbox.latestTo(smtp, EMAIL)));
        type("password", PASSWORD);
        type("confirmPassword", PASSWORD);
        browser.findElement(By.cssSelector("#set-password-form button[type=submit]")).click();
        waitFor(ExpectedConditions.urlToBe(url("/login?passwordSet")));
        signIn(EMAIL, PASSWORD);
        browser.get(url("/producer"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Gian hàng của tôi");
        assertThat(browser.findElement(By.cssSelector("#listings")).getText()).contains("Chưa có sản phẩm nào.");
        assertThat(browser.findElement(By.cssSelector(".account-menu .who")).getText()).isEqualTo(EMAIL);
    }

    private void signIn(String email, String password) {
        browser.get(url("/login"));
        type("username", email);
        type("password", password);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(ExpectedConditions.urlToBe(url("/")));
    }

    private void type(String field, String text) {
        browser.findElement(By.name(field)).sendKeys(text);
    }

    private <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

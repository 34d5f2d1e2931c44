package vn.ocop.storefront.web.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.storefront.Browser;
import vn.ocop.storefront.Mailbox;
import vn.ocop.storefront.StorefrontTest;
import vn.ocop.storefront.web.orders.StockedProducts;

/**
 * Issue 19 end to end, in the browser: the producer receives a lot at its warehouse (code, NSX, HSD), sends it to the
 * Hà Nội showroom, prints its labels; a shopper buys it for pickup and staff hand it over; the producer recalls the lot;
 * the shopper's order page and one e-mail say so, and the label's QR code, scanned, opens a page saying ĐÃ THU HỒI
 * with the day and the reason.
 */
@StorefrontTest
class LotRecallBrowserTests {

    static final String PASSWORD = "ocop-demo-2026";
    static final String SHOPPER = "shopper@demo.ocop.vn";
    static final String PRODUCER = "producer@demo.ocop.vn";
    static final String LOT = "MO-2612-07";
    static final String REASON = "Phát hiện men mốc khi kiểm tra mẫu lưu";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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
    @Autowired
    Catalog catalog;

    StockedProducts fixtures;
    WebDriver producer;
    WebDriver shopper;

    @BeforeEach
    void openBrowsers() {
        fixtures = new StockedProducts(db, inventory);
        fixtures.emptyCartOf(SHOPPER);
        producer = Browser.start();
        shopper = Browser.start();
    }

    @AfterEach
    void closeBrowsers() {
        producer.quit();
        shopper.quit();
    }

    @Test
    void aRecalledLotReachesTheShopperWhoCollectedItAndItsScannedLabelSaysRecalled() throws Exception {
        UUID product = productOfTheDemoProducerNotAtTheShowroom();
        String name = name(product);
        UUID showroom = fixtures.showroom();
        LocalDate today = catalog.today();
        LocalDate producedOn = today.minusDays(10);
        LocalDate useBy = today.plusMonths(6);

        signIn(producer, PRODUCER);
        receiveAtTheWarehouse(product, 10, producedOn, useBy);
        sendToTheShowroom(product, showroom, 10);

        String verifyUrl = printLabelsAndScanOne(name, producedOn, useBy);
        assertThat(verifyUrl).as("the lot's verification address").matches("http://127\\.0\\.0\\.1:" + port + "/verify/[A-Z0-9]+\\?lot=" + LOT);

        Order order = buyForPickup(product, showroom);
        confirm(order);
        handOver(order);

        recall();

        shopper.get(order.url());
        WebElement notice = waitFor(shopper, ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.recalls")));
        assertThat(notice.getText()).contains("Thu hồi lô hàng", "Lô " + LOT + " của sản phẩm " + name + " đã bị thu hồi", "Lý do: " + REASON,
                "Bạn đã nhận sản phẩm thuộc lô này: xin ngừng sử dụng");

        String subject = "Thu hồi lô " + LOT + " – đơn hàng " + order.code();
        List<MimeMessage> recallMails = await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(SHOPPER, subject), m -> !m.isEmpty());
        assertThat(recallMails).as("one e-mail").hasSize(1);
        assertThat(Mailbox.text(recallMails.get(0))).contains("Lô " + LOT + " của sản phẩm " + name + " đã bị thu hồi ngày " + DAY.format(today),
                "Lý do: " + REASON, "Đơn hàng " + order.code() + " đã nhận sản phẩm thuộc lô này: xin ngừng sử dụng");

        shopper.get(verifyUrl);
        WebElement status = waitFor(shopper, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".lot-status")));
        assertThat(status.getText()).isEqualTo("ĐÃ THU HỒI ngày " + DAY.format(today));
        assertThat(shopper.findElement(By.cssSelector(".lot-recall-reason")).getText()).isEqualTo("Lý do thu hồi: " + REASON);
        assertThat(shopper.findElement(By.cssSelector("section.lot")).getText()).contains("Lô hàng " + LOT, DAY.format(producedOn), DAY.format(useBy),
                "Giao hàng", "giao cho người mua (đơn hàng trực tuyến)").doesNotContain("Còn hạn");
    }

    private record Order(String url, String code, String pickupCode, String total) {
    }

    /** The receipt form on /producer/stock: the lot's code and dates as its label prints them. */
    private void receiveAtTheWarehouse(UUID product, int quantity, LocalDate producedOn, LocalDate useBy) {
        producer.get(url("/producer/stock"));
        WebElement form = producer.findElement(By.id("record"));
        new Select(form.findElement(By.name("productId"))).selectByValue(product.toString());
        form.findElement(By.name("quantity")).sendKeys(String.valueOf(quantity));
        form.findElement(By.name("lotCode")).sendKeys(LOT);
        // a date input takes the browser's locale format when typed: set the ISO value it submits
        setValue(form.findElement(By.name("producedOn")), producedOn.toString());
        setValue(form.findElement(By.name("useBy")), useBy.toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(producer, ExpectedConditions.urlContains("?recorded"));
        assertThat(producer.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Đã ghi sổ.");
        assertThat(producer.findElements(By.cssSelector("tr.lots-row tbody tr"))).extracting(WebElement::getText).as("the lot under its row")
                .anySatisfy(lot -> assertThat(lot).contains(LOT, DAY.format(producedOn), DAY.format(useBy), "10"));
    }

    /** The transfer form on the same page, naming the lot. */
    private void sendToTheShowroom(UUID product, UUID showroom, int quantity) {
        WebElement form = producer.findElement(By.id("transfer"));
        new Select(form.findElement(By.name("toLocationId"))).selectByValue(showroom.toString());
        new Select(form.findElement(By.name("productId"))).selectByValue(product.toString());
        form.findElement(By.name("quantity")).sendKeys(String.valueOf(quantity));
        form.findElement(By.name("lotCode")).sendKeys(LOT);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(producer, ExpectedConditions.urlContains("?sent"));
        assertThat(producer.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Đã chuyển hàng.");
    }

    /** /producer/lots, "In nhãn": 24 labels; what a phone reads from the first one's QR code, as the browser drew it. */
    private String printLabelsAndScanOne(String name, LocalDate producedOn, LocalDate useBy) throws Exception {
        producer.get(url("/producer/lots"));
        lotRow().findElement(By.linkText("In nhãn")).click();
        waitFor(producer, ExpectedConditions.urlContains("/labels"));
        List<WebElement> labels = producer.findElements(By.cssSelector("article.lot-label"));
        assertThat(labels).hasSize(24);
        assertThat(labels.get(0).getText()).contains(name, "Lô: " + LOT, "NSX: " + DAY.format(producedOn), "HSD: " + DAY.format(useBy));
        WebElement qr = labels.get(0).findElement(By.cssSelector("img.lot-label-qr"));
        waitFor(producer, d -> (Boolean) ((JavascriptExecutor) d).executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
        String png = (String) ((JavascriptExecutor) producer).executeScript("""
                const img = arguments[0], side = 400, margin = 40;
                const canvas = document.createElement('canvas');
                canvas.width = canvas.height = side + 2 * margin;
                const g = canvas.getContext('2d');
                g.fillStyle = '#fff';
                g.fillRect(0, 0, canvas.width, canvas.height);
                g.drawImage(img, margin, margin, side, side);
                return canvas.toDataURL('image/png');""", qr);
        return decode(png);
    }

    private Order buyForPickup(UUID product, UUID showroom) {
        signIn(shopper, SHOPPER);
        shopper.get(url("/products/" + product));
        shopper.findElement(By.cssSelector("form.add-to-cart button")).click();
        waitFor(shopper, ExpectedConditions.urlContains("/cart"));
        shopper.findElement(By.linkText("Đặt hàng")).click();
        waitFor(shopper, ExpectedConditions.urlToBe(url("/checkout")));
        type(shopper, "name", "Trần Văn Nam");
        type(shopper, "phone", "0987 654 321");
        shopper.findElement(By.cssSelector("input[name=mode][value=PICKUP]")).click();
        shopper.findElement(By.cssSelector("input[name=pickupLocationId][value='" + showroom + "']")).click();
        waitFor(shopper, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#quote"), "không mất phí vận chuyển"));
        shopper.findElement(By.cssSelector("input[name=payment][value=PAY_AT_PICKUP]")).click();
        shopper.findElement(By.cssSelector("#checkout-form > button[type=submit]")).click();
        waitFor(shopper, ExpectedConditions.urlContains("?placed"));
        return new Order(shopper.getCurrentUrl().replace("?placed", ""),
                shopper.findElement(By.cssSelector("h1")).getText().replaceAll(".*(OCOP-[A-Z0-9]{8}).*", "$1"),
                shopper.findElement(By.cssSelector(".pickup-code .code")).getText(),
                shopper.findElement(By.cssSelector(".order-total")).getText());
    }

    private void confirm(Order order) {
        producer.get(url("/producer/orders"));
        WebElement part = waitFor(producer, d -> d.findElements(By.cssSelector("li.part")).stream()
                .filter(li -> li.findElement(By.cssSelector(".order-code")).getText().equals(order.code())).findFirst().orElse(null));
        part.findElement(By.cssSelector("button.confirm")).click();
        waitFor(producer, ExpectedConditions.urlContains("done=confirm"));
    }

    /** Staff at the showroom take the cash and hand the parcel over against the shopper's code. */
    private void handOver(Order order) {
        WebDriver staff = Browser.start();
        try {
            signIn(staff, "staff@demo.ocop.vn");
            staff.get(url("/staff/pickups"));
            staff.findElement(By.name("code")).sendKeys(order.pickupCode());
            staff.findElement(By.cssSelector("form.find button")).click();
            waitFor(staff, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".found .amount-due")));
            staff.findElement(By.cssSelector("input[name=method][value=CASH]")).click();
            staff.findElement(By.name("amountVnd")).sendKeys(order.total().replaceAll("[^0-9]", ""));
            staff.findElement(By.cssSelector("form.handover button")).click();
            waitFor(staff, ExpectedConditions.urlContains("handedOver="));
            assertThat(staff.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Đã giao đơn " + order.code() + " cho khách.");
        } finally {
            staff.quit();
        }
    }

    /** /producer/lots, "Thu hồi lô": the reason, the "Tôi xác nhận" box and the browser's dialog. */
    private void recall() {
        producer.get(url("/producer/lots"));
        lotRow().findElement(By.linkText("Thu hồi lô")).click();
        waitFor(producer, ExpectedConditions.urlContains("/recall"));
        assertThat(producer.findElement(By.tagName("h1")).getText()).isEqualTo("Thu hồi lô " + LOT);
        producer.findElement(By.name("reason")).sendKeys(REASON);
        producer.findElement(By.cssSelector("input[name=confirmed]")).click();
        producer.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(producer, ExpectedConditions.alertIsPresent()).accept();
        waitFor(producer, ExpectedConditions.urlContains("?recalled"));
        assertThat(producer.findElement(By.cssSelector("p.notice")).getText()).startsWith("Đã thu hồi lô");
        assertThat(producer.findElement(By.cssSelector("dd.status")).getText()).isEqualTo("Đã thu hồi");
        assertThat(producer.findElement(By.cssSelector("p[role=alert]")).getText()).contains("Lý do: " + REASON);
    }

    private WebElement lotRow() {
        return waitFor(producer, ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.lot-row[data-lot='" + LOT + "']")));
    }

    /** A sellable product of the demo producer's with nothing at the showroom, so the lot received is the one sold there. */
    private UUID productOfTheDemoProducerNotAtTheShowroom() {
        return db.sql("select r.product_id from sellable_ranking(current_date) r join product p on p.id = r.product_id "
                        + "join account a on a.producer_id = p.producer_id where a.email = :email "
                        + "and not exists (select 1 from stock s join location l on l.id = s.location_id "
                        + "where s.product_id = r.product_id and l.name like 'Showroom OCOP Hà Nội%') order by p.name limit 1")
                .bind("email", PRODUCER).map((r, m) -> r.get("product_id", UUID.class)).one().block();
    }

    private String name(UUID product) {
        return db.sql("select name from product where id = :id").bind("id", product).map((r, m) -> r.get("name", String.class)).one().block();
    }

    private List<MimeMessage> mailsTo(String address, String subject) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject.equals(Mailbox.subject(m)))
                .filter(m -> recipients(m).contains(address)).toList();
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ZXing reads the PNG the browser drew, as a phone's camera would read the printed label. */
    private static String decode(String dataUrl) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1))));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new com.google.zxing.qrcode.QRCodeReader()
                .decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(source))).getText();
    }

    private void signIn(WebDriver browser, String email) {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(browser, d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Types into a field the page may have filled in already. */
    private static void type(WebDriver browser, String field, String text) {
        WebElement input = browser.findElement(By.name(field));
        input.clear();
        input.sendKeys(text);
    }

    private void setValue(WebElement input, String value) {
        ((JavascriptExecutor) producer).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    private static <T> T waitFor(WebDriver browser, java.util.function.Function<? super WebDriver, T> condition) {
        // htmx swaps parts of the checkout (the quote) while we look: a vanished element is looked for again
        return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

package vn.ocop.storefront.web.orders;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProductId;
import vn.ocop.storefront.Mailbox;
import vn.ocop.storefront.StorefrontTest;

/** The shopper hears of each change of their order by e-mail (GreenMail standing in for the SMTP server). */
@StorefrontTest
class OrderMailTests {


    @RegisterExtension
    static final Mailbox.SmtpServer smtp = Mailbox.server();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        Mailbox.sendTo(smtp, properties);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    Inventory inventory;

    @Test
    void aPlacedAndThenCancelledOrderIsMailedTwice() throws Exception {
        WebTestClient shopper = web.mutate().responseTimeout(java.time.Duration.ofSeconds(30))
                .defaultHeaders(h -> h.setBasicAuth("shopper@demo.ocop.vn", "ocop-demo-2026")).build();
        UUID product = productWithStock();
        Map<?, ?> order = shopper.post().uri("/api/v1/orders").header("Idempotency-Key", "mail-1").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("lines", List.of(Map.of("productId", product, "quantity", 2)),
                        "contact", Map.of("name", "Nguyễn Thị Mai", "phone", "0912345678", "email", "mai.nguyen@example.vn"),
                        "delivery", Map.of("provinceCode", "01", "communeCode", "00070", "street", "25 phố Hàng Bạc"), "payment", "COD"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String code = (String) order.get("code");

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        shopper.post().uri("/api/v1/orders/{id}/cancel", order.get("id")).exchange().expectStatus().isOk();
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();

        List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages()).toList();
        assertThat(mails).extracting(MimeMessage::getSubject)
                .containsExactly("Đã nhận đơn hàng " + code, "Đơn hàng " + code + " đã bị hủy");
        assertThat(mails.get(0).getAllRecipients()[0].toString()).isEqualTo("mai.nguyen@example.vn");
        assertThat((String) mails.get(0).getContent()).contains("Nguyễn Thị Mai", " × 2", "Tổng cộng:");
    }

    private UUID productWithStock() {
        UUID showroom = db.sql("select id from location where name like 'Showroom OCOP Hà Nội%'").map((r, m) -> r.get("id", UUID.class)).one().block();
        UUID product = db.sql("select r.product_id from sellable_ranking(current_date) r where not exists "
                        + "(select 1 from stock s where s.product_id = r.product_id) order by r.product_id limit 1")
                .map((r, m) -> r.get("product_id", UUID.class)).one().block();
        inventory.recordAtLocation(new LocationId(showroom), List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT,
                new ProductId(product), 5, OffsetDateTime.now(), null)), "test").block();
        return product;
    }

}

package vn.ocop.storefront.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.OneTimeTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductStatus;
import vn.ocop.catalog.councils.ExpiryNotices;
import vn.ocop.catalog.testing.CatalogFixtures;
import vn.ocop.storefront.Mailbox;
import vn.ocop.storefront.StorefrontTest;

@StorefrontTest
class NoticeMailTests {


    @RegisterExtension
    static final Mailbox.SmtpServer smtp = Mailbox.server();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        Mailbox.sendTo(smtp, properties);
    }

    @Autowired
    ExpiryNotices notices;

    @Autowired
    Catalog catalog;

    @Autowired
    DatabaseClient db;

    @Autowired
    List<ScheduledTaskHolder> schedules;

    @Test
    void expiryJobEmailsTheProducerTheProductAndTheDate() throws Exception {
        var fixtures = new CatalogFixtures(db);
        LocalDate validUntil = catalog.today().plusDays(20);
        ProducerId producer = fixtures.producer("HTX Mật ong Mèo Vạc", "mat.ong.meovac@example.vn").block();
        ProductId product = fixtures.product(producer, "Mật ong bạc hà Mèo Vạc", ProductStatus.ACTIVE).block();
        fixtures.ranking(product, 4, validUntil.minusYears(3), validUntil).block();

        notices.run().block();

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = mailTo("mat.ong.meovac@example.vn");
        assertThat(mail.getSubject()).isEqualTo("Chứng nhận OCOP sắp hết hiệu lực");
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@ocop.vn");
        assertThat((String) mail.getContent()).contains("«Mật ong bạc hà Mèo Vạc»",
                "hết hiệu lực ngày " + validUntil.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    }

    @Test
    void expiryJobIsTriedEveryHourForTheDaysRunFromSevenAndOnceAfterStartUp() {
        var tasks = schedules.stream().flatMap(h -> h.getScheduledTasks().stream()).map(t -> t.getTask()).toList();

        // every try claims the day's slot (the latest 07:00): the first at or after 07:00 runs, on one instance
        assertThat(tasks).anySatisfy(t -> assertThat(t).isInstanceOfSatisfying(CronTask.class,
                cron -> assertThat(cron.getExpression()).isEqualTo("0 0 * * * *")));
        assertThat(tasks).anySatisfy(t -> assertThat(t).isInstanceOf(OneTimeTask.class));
    }

    private MimeMessage mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .findFirst().orElseThrow();
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}

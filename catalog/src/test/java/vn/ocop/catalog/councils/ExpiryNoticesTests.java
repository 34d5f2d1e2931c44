package vn.ocop.catalog.councils;

import vn.ocop.catalog.rankings.CouncilScope;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogClock;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.NoticeMailer;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductStatus;
import vn.ocop.catalog.testing.CatalogFixtures;
import vn.ocop.catalog.testing.OwnDatabase;

@SpringBootTest(classes = CatalogTestApplication.class)
@Import(ExpiryNoticesTests.FixedClockAndRecordingMailer.class)
@OwnDatabase
class ExpiryNoticesTests {

    // 08:00 on 23 November 2026 in Hà Nội
    static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClockAndRecordingMailer {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, CatalogClock.ZONE);
        }

        @Bean
        RecordingMailer recordingMailer() {
            return new RecordingMailer();
        }
    }

    record Mail(String to, String subject, String body) {
    }

    static class RecordingMailer implements NoticeMailer {

        final List<Mail> sent = new CopyOnWriteArrayList<>();
        final AtomicBoolean failNext = new AtomicBoolean();

        @Override
        public Mono<Void> send(String to, String subject, String body) {
            if (failNext.getAndSet(false)) {
                return Mono.error(new IllegalStateException("mail server down"));
            }
            return Mono.fromRunnable(() -> sent.add(new Mail(to, subject, body)));
        }

        List<Mail> to(String address) {
            return sent.stream().filter(m -> m.to().equals(address)).toList();
        }
    }

    @Autowired
    ExpiryNotices notices;

    @Autowired
    Catalog catalog;

    @Autowired
    Rankings rankings;

    @Autowired
    RecordingMailer mailer;

    @Autowired
    DatabaseClient db;

    CatalogFixtures fixtures;
    LocalDate today;

    @BeforeEach
    void setUp() {
        fixtures = new CatalogFixtures(db);
        today = catalog.today();
        assertThat(today).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void rankingExpiringInThirtyDaysGetsOneNoticeHoweverOftenTheJobRuns() {
        CertificationId ranking = rankingOf("Mật ong hoa nhãn", null, today.plusDays(30));

        assertThat(notices.run().block()).isEqualTo(1);
        assertThat(notices.run().block()).isZero();

        assertThat(messagesFor(ranking)).containsExactly(
                "Chứng nhận OCOP 4 sao của «Mật ong hoa nhãn» (QĐ " + decisionNo(ranking) + ") hết hiệu lực ngày 23/12/2026.");
    }

    @Test
    void rankingExpiringInThirtyOneDaysGetsNoNotice() {
        CertificationId ranking = rankingOf("Chè búp Tân Cương", null, today.plusDays(31));

        assertThat(notices.run().block()).isZero();

        assertThat(messagesFor(ranking)).isEmpty();
    }

    @Test
    void revokedRankingGetsNoNotice() {
        CertificationId ranking = rankingOf("Nấm hương rừng", null, today.plusDays(10));
        rankings.revoke(CouncilScope.NATIONAL, ranking, "Vi phạm quy định ghi nhãn").block();

        assertThat(notices.run().block()).isZero();

        assertThat(messagesFor(ranking)).isEmpty();
    }

    @Test
    void noticeIsEmailedOnceToAProducerWithAnAddress() {
        CertificationId ranking = rankingOf("Miến dong Na Rì", "htx.nari@example.vn", today.plusDays(12));

        notices.run().block();
        notices.run().block();

        assertThat(mailer.to("htx.nari@example.vn")).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Chứng nhận OCOP sắp hết hiệu lực");
            assertThat(mail.body()).contains("«Miến dong Na Rì»", "hết hiệu lực ngày 05/12/2026");
        });
        assertThat(emailed(ranking)).isTrue();
    }

    @Test
    void producerWithoutAnAddressSeesTheNoticeButGetsNoEmail() {
        CertificationId ranking = rankingOf("Gạo Bao thai Định Hóa", null, today.plusDays(3));
        int mailsBefore = mailer.sent.size();

        notices.run().block();

        assertThat(messagesFor(ranking)).hasSize(1);
        assertThat(mailer.sent).hasSize(mailsBefore);
        assertThat(emailed(ranking)).isFalse();
    }

    @Test
    void emailThatFailsIsSentOnTheNextRun() {
        CertificationId ranking = rankingOf("Tương nếp Cự Đà", "tuong.cuda@example.vn", today.plusDays(20));
        mailer.failNext.set(true);

        notices.run().block();
        assertThat(mailer.to("tuong.cuda@example.vn")).isEmpty();
        assertThat(emailed(ranking)).isFalse();

        notices.run().block();
        assertThat(mailer.to("tuong.cuda@example.vn")).hasSize(1);
        assertThat(emailed(ranking)).isTrue();
    }

    private CertificationId rankingOf(String productName, String producerEmail, LocalDate validUntil) {
        ProducerId producer = fixtures.producer("HTX " + productName, producerEmail).block();
        ProductId product = fixtures.product(producer, productName, ProductStatus.ACTIVE).block();
        return fixtures.ranking(product, 4, validUntil.minusYears(3), validUntil).block();
    }

    private List<String> messagesFor(CertificationId ranking) {
        return db.sql("select message from producer_notice where certification_id = :c and kind = 'RANKING_EXPIRES_SOON'")
                .bind("c", ranking.value())
                .map((row, md) -> row.get("message", String.class))
                .all().collectList().block();
    }

    private boolean emailed(CertificationId ranking) {
        return db.sql("select emailed_at is not null as emailed from producer_notice where certification_id = :c")
                .bind("c", ranking.value())
                .map((row, md) -> row.get("emailed", Boolean.class))
                .one().block();
    }

    private String decisionNo(CertificationId ranking) {
        return rankings.find(CouncilScope.NATIONAL, ranking).block().decisionNo();
    }
}

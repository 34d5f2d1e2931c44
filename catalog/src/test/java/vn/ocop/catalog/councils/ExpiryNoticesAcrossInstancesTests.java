package vn.ocop.catalog.councils;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductStatus;
import vn.ocop.catalog.testing.CatalogFixtures;
import vn.ocop.catalog.testing.MutableClock;
import vn.ocop.catalog.testing.OwnDatabase;

/**
 * Two instances of the app on one database, both with the expiry-notice schedule on: when both fire for the same
 * day's slot (start-up runs, hourly tries), one of them runs the notices and the other skips; the next morning
 * runs once again. Their timers are kept from firing on their own (no hourly cron, start-up run in an hour):
 * the test fires them.
 */
@SpringBootTest(classes = CatalogTestApplication.class,
        properties = {"ocop.notices.schedule=true", "ocop.notices.cron=-", "ocop.notices.startup-delay=PT1H"})
@Import(ExpiryNoticesAcrossInstancesTests.SharedClock.class)
@OwnDatabase
class ExpiryNoticesAcrossInstancesTests {

    // 08:00 on 23 November 2026 in Hà Nội; both instances read this one clock
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));

    @TestConfiguration(proxyBeanMethods = false)
    static class SharedClock {
        @Bean
        MutableClock clock() {
            return CLOCK;
        }
    }

    @Autowired
    ExpiryNoticeSchedule first;
    @Autowired
    Environment environment;
    @Autowired
    DatabaseClient db;

    ConfigurableApplicationContext secondInstance;
    ExpiryNoticeSchedule second;
    CatalogFixtures fixtures;

    @BeforeEach
    void startASecondInstance() {
        secondInstance = new SpringApplicationBuilder(CatalogTestApplication.class).web(WebApplicationType.NONE)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", CLOCK))
                .properties(Map.of(
                        "spring.r2dbc.url", environment.getProperty("spring.r2dbc.url"),
                        "spring.r2dbc.username", environment.getProperty("spring.r2dbc.username"),
                        "spring.r2dbc.password", "",
                        "spring.flyway.enabled", "false"))
                // arguments, so that they win over the test application.properties (schedule off)
                .run("--ocop.notices.schedule=true", "--ocop.notices.cron=-", "--ocop.notices.startup-delay=PT1H");
        second = secondInstance.getBean(ExpiryNoticeSchedule.class);
        fixtures = new CatalogFixtures(db);
    }

    @AfterEach
    void stopIt() {
        secondInstance.close();
    }

    @Test
    void bothInstancesFiringForTheSameDayWriteEachNoticeOnceAndTheNextMorningRunsOnceAgain() {
        CertificationId honey = rankingOf("Mật ong hoa nhãn", LocalDate.of(2026, 12, 23));

        assertThat(bothFire("start-up")).as("both start-up runs: one writes the notice, the other skips").containsExactly(1);
        assertThat(bothFire("daily")).as("the hourly tries later that day: the day's run is done").isEmpty();
        assertThat(notices(honey)).isEqualTo(1);

        CLOCK.set(Instant.parse("2026-11-24T00:00:00Z")); // 07:00 the next day
        CertificationId tea = rankingOf("Chè Shan tuyết", LocalDate.of(2026, 12, 24));
        assertThat(bothFire("daily")).as("the next morning: one run, one new notice").containsExactly(1);

        assertThat(notices(honey)).isEqualTo(1);
        assertThat(notices(tea)).isEqualTo(1);
        assertThat(db.sql("select count(*) as n from scheduled_run where job = :job").bind("job", ExpiryNoticeSchedule.JOB)
                .map((row, md) -> row.get("n", Long.class)).one().block()).as("one claim per day").isEqualTo(2);
    }

    /** Both instances' schedules fire at once; emits what each run that happened wrote. */
    private List<Integer> bothFire(String why) {
        return Flux.merge(first.runOnce(why), second.runOnce(why)).collectList().block();
    }

    private CertificationId rankingOf(String productName, LocalDate validUntil) {
        ProducerId producer = fixtures.producer("HTX " + productName, null).block();
        ProductId product = fixtures.product(producer, productName, ProductStatus.ACTIVE).block();
        return fixtures.ranking(product, 4, validUntil.minusYears(3), validUntil).block();
    }

    private long notices(CertificationId ranking) {
        return db.sql("select count(*) as n from producer_notice where certification_id = :c").bind("c", ranking.value())
                .map((row, md) -> row.get("n", Long.class)).one().block();
    }
}

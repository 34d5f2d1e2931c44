package vn.ocop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.ocop.catalog.testing.MutableClock;
import vn.ocop.catalog.testing.OwnDatabase;

/** A scheduled job's run slot is claimed once across instances: the first claim wins, every later one is refused. */
@SpringBootTest(classes = CatalogTestApplication.class)
@Import(ScheduledRunsTests.Clocks.class)
@OwnDatabase
class ScheduledRunsTests {

    // 10:00:20 on 23 November 2026 in Hà Nội
    static final Instant NOW = Instant.parse("2026-11-23T03:00:20Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock(NOW);
        }
    }

    @Autowired
    ScheduledRuns runs;
    @Autowired
    MutableClock clock;
    @Autowired
    DatabaseClient db;

    @BeforeEach
    void atTen() {
        clock.set(NOW);
    }

    @Test
    void theSameSlotTwiceIsRefusedTheSecondTimeAndTheNextSlotIsAllowed() {
        Instant slot = runs.slot(Duration.ofMinutes(1));

        assertThat(runs.claim("test.rule", slot).block()).isTrue();
        assertThat(runs.claim("test.rule", slot).block()).as("the same slot again").isFalse();
        assertThat(runs.claim("test.other-job", slot).block()).as("another job's run in that slot").isTrue();
        clock.set(NOW.plusSeconds(40));
        assertThat(runs.claim("test.rule", runs.slot(Duration.ofMinutes(1))).block()).as("the next minute").isTrue();
    }

    @Test
    void twentyInstancesRacingForOneSlotClaimItOnce() {
        Instant slot = runs.slot(Duration.ofMinutes(1));

        List<Boolean> answers = Flux.range(0, 20)
                .flatMap(i -> runs.claim("test.race", slot).subscribeOn(Schedulers.parallel()))
                .collectList().block();

        assertThat(answers).hasSize(20).containsOnlyOnce(true);
    }

    @Test
    void theWorkRunsOnlyForTheInstanceThatClaimedTheSlot() {
        AtomicInteger ran = new AtomicInteger();
        Mono<Integer> work = Mono.fromSupplier(ran::incrementAndGet);
        Instant slot = runs.slot(Duration.ofSeconds(15));

        assertThat(runs.once("test.once", () -> slot, () -> work).block()).isEqualTo(1);
        assertThat(runs.once("test.once", () -> slot, () -> work).blockOptional()).as("skipped: the slot is taken").isEmpty();
        assertThat(ran).hasValue(1);
    }

    @Test
    void theOneMonoSpringSubscribesAtEveryTickRunsOncePerSlotNotOnlyInTheFirst() {
        AtomicInteger ran = new AtomicInteger();
        // a reactive @Scheduled method is called once; Spring subscribes again to what it returned at every tick
        Mono<Integer> scheduled = runs.once("test.ticks", () -> runs.slot(Duration.ofMinutes(1)), () -> Mono.fromSupplier(ran::incrementAndGet));

        assertThat(scheduled.block()).isEqualTo(1);
        assertThat(scheduled.blockOptional()).as("same minute: skipped").isEmpty();
        clock.set(clock.instant().plusSeconds(60));
        assertThat(scheduled.block()).as("next minute: runs again").isEqualTo(2);
        clock.set(clock.instant().plusSeconds(60));
        assertThat(scheduled.block()).isEqualTo(3);
    }

    @Test
    void aRunThatFailsGivesItsSlotBackSoTheNextFireInTheSameSlotRetries() {
        Instant slot = runs.slot(Duration.ofMinutes(1));

        assertThatThrownBy(() -> runs.once("test.failing", () -> slot, () -> Mono.<String>error(new IllegalStateException("database blip"))).block())
                .hasMessageContaining("database blip");

        assertThat(runs.once("test.failing", () -> slot, () -> Mono.just("done")).block()).isEqualTo("done");
        assertThat(claims("test.failing")).isEqualTo(1);
    }

    @Test
    void claimsMoreThanAWeekOlderThanTheNewSlotArePurged() {
        Instant old = runs.slot(Duration.ofMinutes(1));
        runs.claim("test.purge", old).block();
        runs.claim("test.purge", old.plus(Duration.ofDays(6))).block();

        runs.claim("test.purge", old.plus(ScheduledRuns.KEPT).plus(Duration.ofMinutes(1))).block();

        assertThat(claims("test.purge")).as("the week-old claim is gone, the newer two stay").isEqualTo(2);
    }

    @Test
    void aPeriodsSlotIsNowTruncatedToThePeriod() {
        assertThat(runs.slot(Duration.ofMinutes(1))).isEqualTo(Instant.parse("2026-11-23T03:00:00Z"));
        assertThat(runs.slot(Duration.ofSeconds(15))).isEqualTo(Instant.parse("2026-11-23T03:00:15Z"));
        assertThat(runs.slot(Duration.ofHours(1))).isEqualTo(Instant.parse("2026-11-23T03:00:00Z"));
        assertThatThrownBy(() -> runs.slot(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDailySlotIsTheLatestDueTimeInVietnamAtOrBeforeNow() {
        LocalTime seven = LocalTime.of(7, 0);
        assertThat(runs.dailySlot(seven)).as("10:00 in Hà Nội: today's 07:00").isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));

        clock.set(Instant.parse("2026-11-22T23:59:59Z")); // 06:59:59 on the 23rd in Hà Nội
        assertThat(runs.dailySlot(seven)).as("before 07:00: yesterday's").isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));

        clock.set(Instant.parse("2026-11-23T00:00:00Z")); // 07:00 sharp
        assertThat(runs.dailySlot(seven)).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    }

    @Test
    void aClaimNeedsAJobName() {
        assertThatThrownBy(() -> runs.claim(" ", NOW).block()).isInstanceOf(IllegalArgumentException.class);
    }

    private long claims(String job) {
        return db.sql("select count(*) as n from scheduled_run where job = :job").bind("job", job)
                .map((row, md) -> row.get("n", Long.class)).one().block();
    }
}

package vn.ocop.catalog.lots;

import vn.ocop.catalog.ScheduledRuns;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/**
 * At midnight in Vietnam a lot whose use-by date was yesterday stops being available, without any write that would
 * re-index its product: this job re-indexes those products (the search document's in-stock and "available at") once
 * a day from 00:05, once across every instance ({@link ScheduledRuns}, the day's slot is the latest 00:05). Every
 * instance tries at five past each hour and shortly after start-up; a failed run gives the slot back and the next hour
 * tries again. Re-indexing twice is harmless. Off with {@code ocop.lots.schedule=false}; {@code ocop.lots.cron}
 * changes when instances try ("-": only at start-up).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "ocop.lots.schedule", havingValue = "true", matchIfMissing = true)
class UseByReindexSchedule {

    static final String JOB = "catalog.use-by-reindex";
    static final LocalTime DUE = LocalTime.of(0, 5);

    private static final Logger log = LoggerFactory.getLogger(UseByReindexSchedule.class);

    private final Lots lots;
    private final ScheduledRuns runs;

    UseByReindexSchedule(Lots lots, ScheduledRuns runs) {
        this.lots = lots;
        this.runs = runs;
    }

    @Scheduled(cron = "${ocop.lots.cron:0 5 * * * *}", zone = "Asia/Ho_Chi_Minh")
    Mono<Void> everyHour() {
        return runOnce("hourly").then();
    }

    @Scheduled(initialDelayString = "${ocop.lots.startup-delay:PT40S}")
    Mono<Void> afterStartUp() {
        return runOnce("start-up").then();
    }

    /** Emits how many products were re-indexed, or nothing when the day's run was already done (or failed). */
    Mono<Integer> runOnce(String why) {
        return runs.once(JOB, () -> runs.dailySlot(DUE), lots::reindexExpiredYesterday)
                .doOnNext(n -> log.info("Use-by re-index ({} run): {} products whose lots expired at midnight", why, n))
                .onErrorResume(e -> {
                    log.warn("Use-by re-index ({} run) failed; the next hour tries again", why, e);
                    return Mono.empty();
                });
    }
}

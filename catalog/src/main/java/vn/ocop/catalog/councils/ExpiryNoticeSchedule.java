package vn.ocop.catalog.councils;

import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ScheduledRuns;

/**
 * Runs the expiry notices once a day from 07:00 in Vietnam, once across every instance of the app
 * ({@link ScheduledRuns}: the day's slot is the latest 07:00). Every instance tries at the top of each hour and
 * once shortly after start-up: the first try of the day's slot runs the notices, later ones skip it; a run that
 * failed gives the slot back, so the next hour tries again the same day (a notice is due 30 days ahead). A fresh
 * deployment thus does not wait for the next morning. Spring subscribes to the returned Mono. Off with
 * {@code ocop.notices.schedule=false}; {@code ocop.notices.cron} changes when instances try ("-": only at start-up).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "ocop.notices.schedule", havingValue = "true", matchIfMissing = true)
class ExpiryNoticeSchedule {

    static final String JOB = "catalog.ranking-expiry-notices";
    static final LocalTime DUE = LocalTime.of(7, 0);

    private static final Logger log = LoggerFactory.getLogger(ExpiryNoticeSchedule.class);

    private final ExpiryNotices notices;
    private final ScheduledRuns runs;

    ExpiryNoticeSchedule(ExpiryNotices notices, ScheduledRuns runs) {
        this.notices = notices;
        this.runs = runs;
    }

    @Scheduled(cron = "${ocop.notices.cron:0 0 * * * *}", zone = "Asia/Ho_Chi_Minh")
    Mono<Void> everyHour() {
        return runOnce("daily").then();
    }

    @Scheduled(initialDelayString = "${ocop.notices.startup-delay:PT30S}")
    Mono<Void> afterStartUp() {
        return runOnce("start-up").then();
    }

    /** Emits how many notices were written, or nothing when the day's run was already done (or failed). */
    Mono<Integer> runOnce(String why) {
        return runs.once(JOB, () -> runs.dailySlot(DUE), notices::run)
                .doOnNext(written -> log.info("Ranking expiry notices ({} run): {} new", why, written))
                .onErrorResume(e -> {
                    log.warn("Ranking expiry notices ({} run) failed; the next hour tries again", why, e);
                    return Mono.empty();
                });
    }
}

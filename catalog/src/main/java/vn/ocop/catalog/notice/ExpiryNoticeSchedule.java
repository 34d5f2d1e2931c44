package vn.ocop.catalog.notice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/**
 * Runs the expiry notices every day at 07:00 in Vietnam, and once shortly after start-up so a fresh instance
 * does not wait for the next morning. Spring subscribes to the returned Mono. Off with
 * {@code ocop.notices.schedule=false} (the job itself is safe to run on every instance).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "ocop.notices.schedule", havingValue = "true", matchIfMissing = true)
class ExpiryNoticeSchedule {

    static final String DAILY = "0 0 7 * * *";

    private static final Logger log = LoggerFactory.getLogger(ExpiryNoticeSchedule.class);

    private final ExpiryNotices notices;

    ExpiryNoticeSchedule(ExpiryNotices notices) {
        this.notices = notices;
    }

    @Scheduled(cron = DAILY, zone = "Asia/Ho_Chi_Minh")
    Mono<Void> everyMorning() {
        return runAndLog("daily");
    }

    @Scheduled(initialDelayString = "${ocop.notices.startup-delay:PT30S}")
    Mono<Void> afterStartUp() {
        return runAndLog("start-up");
    }

    private Mono<Void> runAndLog(String why) {
        return notices.run()
                .doOnNext(written -> log.info("Ranking expiry notices ({} run): {} new", why, written))
                .onErrorResume(e -> {
                    log.warn("Ranking expiry notices ({} run) failed; the next run catches up", why, e);
                    return Mono.empty();
                })
                .then();
    }
}

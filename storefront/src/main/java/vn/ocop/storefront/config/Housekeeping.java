package vn.ocop.storefront.config;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;
import vn.ocop.storefront.account.SignInAttempts;
import vn.ocop.storefront.session.PostgresSessions;

/**
 * Every 5 minutes ({@code ocop.housekeeping.every}): deletes expired sessions and sign-in counts quiet for a day.
 * Each is one idempotent delete, so running on every instance at once is harmless. Off with
 * {@code ocop.housekeeping.schedule=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "ocop.housekeeping.schedule", havingValue = "true", matchIfMissing = true)
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final PostgresSessions sessions;
    private final SignInAttempts attempts;
    private final Clock clock;

    Housekeeping(PostgresSessions sessions, SignInAttempts attempts, Clock clock) {
        this.sessions = sessions;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** Deferred: Spring calls this once and subscribes to the Mono at every tick, so "now" must be read per tick. */
    @Scheduled(fixedDelayString = "${ocop.housekeeping.every:PT5M}", initialDelayString = "${ocop.housekeeping.every:PT5M}")
    Mono<Void> purge() {
        return Mono.defer(() -> sessions.purgeExpired().zipWith(attempts.purge(clock.instant())))
                .doOnNext(purged -> log.debug("Purged {} expired sessions and {} old sign-in counts", purged.getT1(), purged.getT2()))
                .onErrorResume(e -> {
                    log.warn("Purging expired sessions and sign-in counts failed; the next run catches up: {}", e.toString());
                    return Mono.empty();
                })
                .then();
    }
}

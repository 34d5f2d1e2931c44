package vn.ocop.orders;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ScheduledRuns;

/**
 * Every minute (by default), till sales applied since the last run go into the money ledger, on one instance per
 * period ({@link ScheduledRuns}). Each sync batch records its own sales right away; this run catches any a crash or
 * a failure left out. Off with {@code ocop.money.schedule=false} (tests run it themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "ocop.money.schedule", havingValue = "true", matchIfMissing = true)
class MoneySchedule {

    static final String CATCH_UP = "money.till-sales";

    private static final Logger log = LoggerFactory.getLogger(MoneySchedule.class);

    private final Money money;
    private final ScheduledRuns runs;
    private final Duration period;

    MoneySchedule(Money money, ScheduledRuns runs, @Value("${ocop.money.till-sales-check:PT1M}") Duration period) {
        this.money = money;
        this.runs = runs;
        this.period = period;
    }

    @Scheduled(fixedDelayString = "${ocop.money.till-sales-check:PT1M}", initialDelayString = "${ocop.money.till-sales-check:PT1M}")
    Mono<Void> catchUp() {
        return catchUpOnce().then();
    }

    /** Emits how many till sales were new to the ledger, or nothing when another instance has this period's run (or it failed). */
    Mono<Long> catchUpOnce() {
        return runs.once(CATCH_UP, () -> runs.slot(period), money::catchUpTillSales)
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("{} till sales were recorded in the money ledger by the catch-up run", n);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Recording till sales in the money ledger failed; the next run catches up", e);
                    return Mono.empty();
                });
    }
}

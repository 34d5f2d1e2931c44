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
 * Every minute: card orders unpaid for 30 minutes (their PaymentIntent cancelled at Stripe first) and pickups past
 * their deadline are cancelled and their stock released, and card refunds an outage left unsent are sent; every 15 seconds, flash claims held past their 10 minutes go back to their offer. Each period's run
 * happens on one instance only ({@link ScheduledRuns}: the slot is now truncated to the period), whichever fires
 * first; a failed run gives its slot back and the next fire catches up. Off with {@code ocop.orders.schedule=false}
 * (tests run it themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "ocop.orders.schedule", havingValue = "true", matchIfMissing = true)
class LapsedOrderSchedule {

    static final String LAPSE_ORDERS = "orders.cancel-lapsed";
    static final String LAPSE_CLAIMS = "orders.lapse-flash-claims";

    private static final Logger log = LoggerFactory.getLogger(LapsedOrderSchedule.class);

    private final Orders orders;
    private final LiveSales live;
    private final ScheduledRuns runs;
    private final Duration lapseCheck;
    private final Duration claimCheck;

    LapsedOrderSchedule(Orders orders, LiveSales live, ScheduledRuns runs,
            @Value("${ocop.orders.lapse-check:PT1M}") Duration lapseCheck, @Value("${ocop.orders.claim-check:PT15S}") Duration claimCheck) {
        this.orders = orders;
        this.live = live;
        this.runs = runs;
        this.lapseCheck = lapseCheck;
        this.claimCheck = claimCheck;
    }

    @Scheduled(fixedDelayString = "${ocop.orders.claim-check:PT15S}", initialDelayString = "${ocop.orders.claim-check:PT15S}")
    Mono<Void> lapseClaims() {
        return lapseClaimsOnce().then();
    }

    @Scheduled(fixedDelayString = "${ocop.orders.lapse-check:PT1M}", initialDelayString = "${ocop.orders.lapse-check:PT1M}")
    Mono<Void> cancelLapsed() {
        return cancelLapsedOnce().then();
    }

    /** Emits how many claims lapsed, or nothing when another instance has this period's run (or it failed). */
    Mono<Long> lapseClaimsOnce() {
        return runs.once(LAPSE_CLAIMS, () -> runs.slot(claimCheck), live::lapseClaims)
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("{} flash claims lapsed after 10 minutes; their units are back in their offers", n);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Lapsing flash claims failed; the next run catches up", e);
                    return Mono.empty();
                });
    }

    /** Emits how many orders were cancelled, or nothing when another instance has this period's run (or it failed). */
    Mono<Long> cancelLapsedOnce() {
        return runs.once(LAPSE_ORDERS, () -> runs.slot(lapseCheck), orders::cancelLapsed)
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Cancelled {} lapsed orders (unpaid cards, uncollected pickups); their stock is released", n);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Cancelling lapsed orders failed; the next run catches up", e);
                    return Mono.empty();
                });
    }
}

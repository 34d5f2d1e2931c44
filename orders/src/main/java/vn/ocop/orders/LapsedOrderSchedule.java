package vn.ocop.orders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/**
 * Every minute: card orders unpaid for 30 minutes and pickups past their deadline are cancelled and their stock
 * released; every 15 seconds, flash claims held past their 10 minutes go back to their offer. Safe on every instance at once (each cancel is one conditional update). Off with
 * {@code ocop.orders.schedule=false} (tests run it themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "ocop.orders.schedule", havingValue = "true", matchIfMissing = true)
class LapsedOrderSchedule {

    private static final Logger log = LoggerFactory.getLogger(LapsedOrderSchedule.class);

    private final Orders orders;
    private final LiveSales live;

    LapsedOrderSchedule(Orders orders, LiveSales live) {
        this.orders = orders;
        this.live = live;
    }

    @Scheduled(fixedDelayString = "${ocop.orders.claim-check:PT15S}", initialDelayString = "${ocop.orders.claim-check:PT15S}")
    Mono<Void> lapseClaims() {
        return live.lapseClaims()
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("{} flash claims lapsed after 10 minutes; their units are back in their offers", n);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Lapsing flash claims failed; the next run catches up", e);
                    return Mono.empty();
                })
                .then();
    }

    @Scheduled(fixedDelayString = "${ocop.orders.lapse-check:PT1M}", initialDelayString = "${ocop.orders.lapse-check:PT1M}")
    Mono<Void> cancelLapsed() {
        return orders.cancelLapsed()
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Cancelled {} lapsed orders (unpaid cards, uncollected pickups); their stock is released", n);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Cancelling lapsed orders failed; the next run catches up", e);
                    return Mono.empty();
                })
                .then();
    }
}

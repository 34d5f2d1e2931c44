package vn.ocop.orders.live;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.ocop.orders.CartLine;
import vn.ocop.orders.FlashClaim;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;

/**
 * "Buy now" during a live event. Claims on one offer that arrive together are settled together ({@link ClaimQueues}):
 * one transaction locks the offer's row once, decides in arrival order who gets units ({@link ClaimPolicy}: open,
 * units left, the limit per buyer), puts them in the buyers' carts, records the claims, takes the units from the
 * offer and tells viewers the new count ({@link ClaimBatch}). Held claims lapse after 10 minutes and their units
 * return to the cap.
 */
@Service
public class Claiming {

    private final FlashClaims claims;
    private final LiveRows rows;
    private final ClaimQueues queues;
    private final TransactionalOperator transactions;
    private final Clock clock;

    Claiming(FlashClaims claims, LiveRows rows, ClaimBatch batch, TransactionalOperator transactions, Clock clock) {
        this.claims = claims;
        this.rows = rows;
        this.transactions = transactions;
        this.clock = clock;
        this.queues = new ClaimQueues((offer, asks) -> transactions.transactional(Mono.defer(() -> batch.settle(offer, asks, OffsetDateTime.now(clock)))));
    }

    public Mono<FlashClaim> claim(UUID account, UUID event, UUID offer, int quantity) {
        if (quantity < 1 || quantity > CartLine.MAX_QUANTITY) {
            return Mono.error(new OrdersException(OrdersErrorCode.INVALID_REQUEST, "a claim is 1 to 99 units"));
        }
        return queues.claim(offer, new ClaimPolicy.Ask(account, event, quantity));
    }

    /** Lapses every claim past its hold, each in its own transaction; emits how many lapsed. */
    public Mono<Long> lapse() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return claims.expired(now, 1000)
                .concatMap(c -> transactions.transactional(claims.lapse(c[0], c[1], now)
                        .flatMap(back -> rows.announce(back.event(), "remaining", back.offer(), back.remaining()))).thenReturn(1))
                .count();
    }
}

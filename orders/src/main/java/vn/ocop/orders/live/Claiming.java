package vn.ocop.orders.live;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.ocop.orders.CartLine;
import vn.ocop.orders.cart.CartRows;
import vn.ocop.orders.FlashClaim;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;

/**
 * "Buy now" during a live event: one transaction puts the units in the buyer's cart, takes them from the
 * offer (conditional update on its remaining count, then on the buyer's allowance), records the claim and
 * tells viewers the new count. Held claims lapse after 10 minutes and their units return to the cap.
 */
@Service
public class Claiming {

    private final FlashClaims claims;
    private final LiveRows rows;
    private final CartRows carts;
    private final TransactionalOperator transactions;
    private final Clock clock;

    Claiming(FlashClaims claims, LiveRows rows, CartRows carts, TransactionalOperator transactions, Clock clock) {
        this.claims = claims;
        this.rows = rows;
        this.carts = carts;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<FlashClaim> claim(UUID account, UUID event, UUID offer, int quantity) {
        if (quantity < 1 || quantity > CartLine.MAX_QUANTITY) {
            return Mono.error(new OrdersException(OrdersErrorCode.INVALID_REQUEST, "a claim is 1 to 99 units"));
        }
        // the cart first: the offer's row, which every buyer of this offer waits for, stays locked only from its
        // conditional update to the commit (a refused claim rolls the cart back with it)
        return transactions.transactional(rows.offer(offer)
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "no such flash offer")))
                // into the cart without the stock check of Carts.add: the units are already set aside in the offer's pool
                .flatMap(o -> carts.ofAccountOrNew(account).flatMap(cart -> carts.add(cart, o.product(), quantity)))
                .then(claims.claim(event, offer, account, quantity, OffsetDateTime.now(clock)))
                .flatMap(taken -> rows.announce(event, "remaining", offer, taken.remaining()).thenReturn(taken.claim())));
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

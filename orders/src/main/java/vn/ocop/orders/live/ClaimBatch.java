package vn.ocop.orders.live;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProductId;
import vn.ocop.orders.FlashClaim;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.cart.CartRows;
import vn.ocop.orders.live.ClaimPolicy.Ask;
import vn.ocop.orders.live.ClaimPolicy.Decision;
import vn.ocop.orders.live.ClaimPolicy.OfferNow;

/**
 * Claims that arrived together for one offer, settled in the caller's transaction with one statement per table:
 * the offer's row locked and read once (so batches from any number of instances take turns and each decides on
 * the count it read), the batch's allowances read, {@link ClaimPolicy} decides in arrival order, then the carts,
 * the allowances (still guarded by the limit), the claims and the offer's count are written set-wise and viewers
 * are told the count once. Locks in the order offer, allowance, claim, as {@link FlashClaims} takes them.
 */
@Repository
class ClaimBatch {

    private final DatabaseClient db;
    private final CartRows carts;
    private final LiveRows rows;

    ClaimBatch(DatabaseClient db, CartRows carts, LiveRows rows) {
        this.db = db;
        this.carts = carts;
        this.rows = rows;
    }

    /** Each claim's answer, in the order asked: a held claim, or the refusal its buyer gets. */
    record Answer(FlashClaim claim, OrdersException refusal) {
    }

    private record Locked(OfferNow now, ProductId product) {
    }

    Mono<List<Answer>> settle(UUID offer, List<Ask> asks, OffsetDateTime now) {
        return lock(offer)
                .flatMap(o -> takenBefore(offer, o.now(), asks)
                        .map(taken -> ClaimPolicy.decide(o.now(), taken, asks))
                        .flatMap(d -> write(offer, o, d, now)))
                .switchIfEmpty(Mono.fromSupplier(() -> asks.stream()
                        .map(a -> new Answer(null, new OrdersException(OrdersErrorCode.NOT_FOUND, "no such flash offer"))).toList()));
    }

    private Mono<Locked> lock(UUID offer) {
        return db.sql("""
                        select o.event_id, o.product_id, o.status, o.remaining, o.per_buyer, e.status as event_status
                        from flash_offer o join live_event e on e.id = o.event_id where o.id = :offer for update of o""")
                .bind("offer", offer)
                .map((r, m) -> new Locked(new OfferNow(r.get("event_id", UUID.class),
                        "OPEN".equals(r.get("status", String.class)) && "LIVE".equals(r.get("event_status", String.class)),
                        r.get("remaining", Integer.class), r.get("per_buyer", Integer.class)), new ProductId(r.get("product_id", UUID.class))))
                .one();
    }

    /** What the batch's buyers hold or bought from the offer; not read when nothing can be granted anyway. */
    private Mono<Map<UUID, Integer>> takenBefore(UUID offer, OfferNow o, List<Ask> asks) {
        if (!o.open() || o.remaining() == 0) {
            return Mono.just(Map.of());
        }
        UUID[] accounts = asks.stream().map(Ask::account).distinct().toArray(UUID[]::new);
        return db.sql("select account_id, taken from flash_allowance where offer_id = :offer and account_id = any(:accounts)")
                .bind("offer", offer).bind("accounts", accounts)
                .map((r, m) -> Map.entry(r.get("account_id", UUID.class), r.get("taken", Integer.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }

    private Mono<List<Answer>> write(UUID offer, Locked o, Decision d, OffsetDateTime now) {
        List<Answer> answers = new ArrayList<>(d.outcomes().size());
        List<FlashClaim> held = new ArrayList<>();
        for (ClaimPolicy.Outcome out : d.outcomes()) {
            FlashClaim claim = out.granted() ? new FlashClaim(UUID.randomUUID(), offer, out.ask().account(), o.product(), out.ask().quantity(), "HELD",
                    now.plus(FlashClaims.HOLD)) : null;
            if (claim != null) {
                held.add(claim);
            }
            answers.add(new Answer(claim, out.refusal()));
        }
        if (held.isEmpty()) {
            return Mono.just(answers);
        }
        // sorted: batches of two offers with buyers in common lock their carts and allowances in one order
        Map<UUID, Integer> added = new TreeMap<>(d.added());
        UUID[] accounts = added.keySet().toArray(UUID[]::new);
        Integer[] quantities = added.values().toArray(Integer[]::new);
        int took = o.now().remaining() - d.remaining();
        // into the carts without the stock check of Carts.add: the units are already set aside in the offer's pool
        return carts.addToEach(accounts, o.product(), quantities)
                .then(allow(offer, accounts, quantities, o.now().perBuyer()))
                .then(record(held, now))
                .then(db.sql("update flash_offer set remaining = remaining - :took where id = :offer").bind("took", took).bind("offer", offer).then())
                .then(rows.announce(o.now().event(), "remaining", offer, d.remaining()))
                .thenReturn(answers);
    }

    /** The allowances, each still guarded by the limit: a row not written means a decision on stale counts, and the batch rolls back. */
    private Mono<Void> allow(UUID offer, UUID[] accounts, Integer[] quantities, int perBuyer) {
        return db.sql("""
                        insert into flash_allowance (offer_id, account_id, taken) select :offer, t.a, t.q from unnest(:accounts, :quantities) t(a, q)
                        where t.q <= :per
                        on conflict (offer_id, account_id) do update set taken = flash_allowance.taken + excluded.taken
                        where flash_allowance.taken + excluded.taken <= :per""")
                .bind("offer", offer).bind("accounts", accounts).bind("quantities", quantities).bind("per", perBuyer)
                .fetch().rowsUpdated()
                .flatMap(n -> n == accounts.length ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("allowances changed under the offer's lock: " + n + " of " + accounts.length + " written")));
    }

    private Mono<Void> record(List<FlashClaim> held, OffsetDateTime now) {
        FlashClaim first = held.get(0);
        return db.sql("""
                        insert into flash_claim (id, offer_id, account_id, product_id, quantity, status, claimed_at, expires_at)
                        select t.id, :offer, t.a, :product, t.q, 'HELD', :now, :until from unnest(:ids, :accounts, :quantities) t(id, a, q)""")
                .bind("offer", first.offer()).bind("product", first.product().value()).bind("now", now).bind("until", first.expiresAt())
                .bind("ids", held.stream().map(FlashClaim::id).toArray(UUID[]::new))
                .bind("accounts", held.stream().map(FlashClaim::account).toArray(UUID[]::new))
                .bind("quantities", held.stream().map(FlashClaim::quantity).toArray(Integer[]::new))
                .then();
    }
}

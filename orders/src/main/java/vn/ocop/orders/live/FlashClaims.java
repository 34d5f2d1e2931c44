package vn.ocop.orders.live;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;

/**
 * Claims on flash offers (new ones are made a batch at a time by {@link ClaimBatch}). Locks are always taken in
 * one order, offer then allowance then claim, so claims, lapses and closes never deadlock one another. Every
 * method runs inside the caller's transaction.
 */
@Repository
public class FlashClaims {

    public static final Duration HOLD = Duration.ofMinutes(10);

    private final DatabaseClient db;

    FlashClaims(DatabaseClient db) {
        this.db = db;
    }

    /** A held claim still good for checkout: its product, units, flash price and where the units are. */
    public record Held(UUID claim, UUID offer, ProductId product, int quantity, Vnd flashPrice, LocationId location, ProducerId producer,
                       String name) {
    }

    /** Claims past their hold, a page at a time: (claim, offer). */
    public Flux<UUID[]> expired(OffsetDateTime now, int limit) {
        return db.sql("select id, offer_id from flash_claim where status = 'HELD' and expires_at <= :now order by expires_at limit :limit")
                .bind("now", now).bind("limit", limit)
                .map((r, m) -> new UUID[] {r.get("id", UUID.class), r.get("offer_id", UUID.class)}).all();
    }

    /** An offer's remaining count after units came back to it. */
    public record Returned(UUID event, UUID offer, int remaining) {
    }

    /**
     * Lapses one held claim: its units go back to the buyer's allowance and, while the offer is open, to its
     * remaining count (a closed offer released them from its pool when it closed). Emits the offer's new count
     * when it was open; empty otherwise, or when the claim was no longer held.
     */
    public Mono<Returned> lapse(UUID claim, UUID offer, OffsetDateTime now) {
        return lockOffer(offer)
                .then(db.sql("update flash_claim set status = 'LAPSED', ended_at = :now where id = :id and status = 'HELD' returning account_id, quantity")
                        .bind("now", now).bind("id", claim)
                        .map((r, m) -> new Object[] {r.get("account_id", UUID.class), r.get("quantity", Integer.class)}).one())
                .flatMap(row -> giveBack(offer, (UUID) row[0], (Integer) row[1])
                        .then(db.sql("update flash_offer set remaining = remaining + :q where id = :offer and status = 'OPEN' returning event_id, remaining")
                                .bind("q", row[1]).bind("offer", offer)
                                .map((r, m) -> new Returned(r.get("event_id", UUID.class), offer, r.get("remaining", Integer.class))).one()));
    }

    /**
     * Closes the offer: held claims lapse (allowances given back, one statement for all of them); emits how many
     * units to release from its pool. One statement, not a statement per lapsed claim read from the update's
     * result: statements sent on the transaction's connection while that result still streams wait behind it,
     * and with a few hundred held claims the close never finished.
     */
    public Mono<Integer> close(UUID offer, OffsetDateTime now) {
        return db.sql("select remaining from flash_offer where id = :offer and status = 'OPEN' for update").bind("offer", offer)
                .map((r, m) -> r.get("remaining", Integer.class)).one()
                .flatMap(remaining -> db.sql("""
                                with lapsed as (
                                    update flash_claim set status = 'LAPSED', ended_at = :now where offer_id = :offer and status = 'HELD'
                                    returning account_id, quantity),
                                per_buyer as (select account_id, sum(quantity)::int as q from lapsed group by account_id),
                                given_back as (
                                    update flash_allowance a set taken = a.taken - p.q from per_buyer p
                                    where a.offer_id = :offer and a.account_id = p.account_id)
                                select coalesce(sum(q), 0)::int as held from per_buyer""")
                        .bind("now", now).bind("offer", offer)
                        .map((r, m) -> r.get("held", Integer.class)).one()
                        .flatMap(held -> db.sql("update flash_offer set status = 'CLOSED', closed_at = :now, remaining = 0 where id = :offer")
                                .bind("now", now).bind("offer", offer).then().thenReturn(remaining + held)));
    }

    /** The account's held claims still good for checkout on those products: unexpired, their offer open and event live. */
    public Flux<Held> held(UUID account, Collection<ProductId> products, OffsetDateTime now) {
        if (products.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        select c.id, c.offer_id, c.product_id, c.quantity, o.flash_price_vnd, o.location_id, e.producer_id, o.product_name
                        from flash_claim c join flash_offer o on o.id = c.offer_id join live_event e on e.id = o.event_id
                        where c.account_id = :account and c.status = 'HELD' and c.expires_at > :now and o.status = 'OPEN' and e.status = 'LIVE'
                          and c.product_id = any(:products)
                        order by c.claimed_at""")
                .bind("account", account).bind("now", now).bind("products", products.stream().map(ProductId::value).toArray(UUID[]::new))
                .map((r, m) -> new Held(r.get("id", UUID.class), r.get("offer_id", UUID.class), new ProductId(r.get("product_id", UUID.class)),
                        r.get("quantity", Integer.class), new Vnd(r.get("flash_price_vnd", Long.class)), new LocationId(r.get("location_id", UUID.class)),
                        new ProducerId(r.get("producer_id", UUID.class)), r.get("product_name", String.class)))
                .all();
    }

    /** Checkout took the held claim into an order: one conditional update, refused once it lapsed or its offer closed. */
    public Mono<Void> ordered(UUID claim, UUID order, OffsetDateTime now) {
        return db.sql("update flash_claim set status = 'ORDERED', order_id = :order, ended_at = :now where id = :id and status = 'HELD' and expires_at > :now")
                .bind("order", order).bind("now", now).bind("id", claim)
                .fetch().rowsUpdated()
                .flatMap(n -> n == 1 ? Mono.<Void>empty() : Mono.error(new OrdersException(OrdersErrorCode.INVALID_STATE,
                        "your flash price has lapsed (10 minutes, or the live event ended): the cart now shows the list price")));
    }

    private Mono<Void> lockOffer(UUID offer) {
        return db.sql("select id from flash_offer where id = :offer for update").bind("offer", offer).fetch().all().then();
    }

    private Mono<Void> giveBack(UUID offer, UUID account, int quantity) {
        return db.sql("update flash_allowance set taken = taken - :q where offer_id = :offer and account_id = :account")
                .bind("q", quantity).bind("offer", offer).bind("account", account).then();
    }
}

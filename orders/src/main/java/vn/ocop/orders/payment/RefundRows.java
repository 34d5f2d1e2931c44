package vn.ocop.orders.payment;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.CardRefund;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.OrderStatus;
import vn.ocop.orders.RefundStatus;

/**
 * The card_refund table, and what the order's refunds hold ({@code customer_order.refunds_held_vnd}): taken with one
 * guarded update, so refunds racing each other can never together pass what was paid.
 */
@Repository
class RefundRows {

    private static final String COLUMNS = """
            id, order_id, amount_vnd, idempotency_key, reason, stripe_refund_id, status, failure_reason, attempts,
            created_at, updated_at, succeeded_at""";

    private final DatabaseClient db;

    RefundRows(DatabaseClient db) {
        this.db = db;
    }

    Mono<CardRefund> byId(UUID id) {
        return db.sql("select " + COLUMNS + " from card_refund where id = :id").bind("id", id).map((r, md) -> row(r)).one();
    }

    /** The refund, its row locked until the transaction ends: its status changes one at a time. */
    Mono<CardRefund> locked(UUID id) {
        return db.sql("select " + COLUMNS + " from card_refund where id = :id for update").bind("id", id).map((r, md) -> row(r)).one();
    }

    Mono<CardRefund> byKey(String key) {
        return db.sql("select " + COLUMNS + " from card_refund where idempotency_key = :key").bind("key", key).map((r, md) -> row(r)).one();
    }

    Mono<CardRefund> byStripeId(String stripeRefundId) {
        return db.sql("select " + COLUMNS + " from card_refund where stripe_refund_id = :s").bind("s", stripeRefundId).map((r, md) -> row(r)).one();
    }

    Flux<CardRefund> ofOrder(OrderId order) {
        return db.sql("select " + COLUMNS + " from card_refund where order_id = :o order by created_at, id").bind("o", order.value())
                .map((r, md) -> row(r)).all();
    }

    Flux<CardRefund> withStatus(RefundStatus status) {
        return db.sql("select " + COLUMNS + " from card_refund where status = :s order by updated_at desc limit 200").bind("s", status.name())
                .map((r, md) -> row(r)).all();
    }

    /** Refunds made here that Stripe may not have received (it could not be reached), older than {@code before}. */
    Flux<CardRefund> unsent(OffsetDateTime before) {
        return db.sql("select " + COLUMNS + " from card_refund where status = 'PENDING' and stripe_refund_id is null and updated_at < :before "
                        + "order by updated_at limit 100")
                .bind("before", before).map((r, md) -> row(r)).all();
    }

    /**
     * Holds {@code amount} of the order's card payment for a refund, if the order was paid by card and that much is
     * not held by other refunds yet; emits the PaymentIntent to refund, or nothing (then nothing was held).
     */
    Mono<String> hold(OrderId order, Vnd amount) {
        return db.sql("""
                        update customer_order set refunds_held_vnd = refunds_held_vnd + :amount
                        where id = :id and paid_at is not null and payment_intent_id is not null and refunds_held_vnd + :amount <= total_vnd
                        returning payment_intent_id""")
                .bind("amount", amount.dong()).bind("id", order.value())
                .map((r, md) -> r.get(0, String.class)).one();
    }

    /** A refund that failed or was canceled gives back what it held. */
    Mono<Void> release(OrderId order, Vnd amount) {
        return db.sql("update customer_order set refunds_held_vnd = refunds_held_vnd - :amount where id = :id")
                .bind("amount", amount.dong()).bind("id", order.value()).then();
    }

    /** What the order's card payment can still give back (paid minus held), or nothing when it was not paid by card. */
    Mono<Vnd> refundable(OrderId order) {
        return db.sql("select total_vnd - refunds_held_vnd from customer_order where id = :id and paid_at is not null and payment_intent_id is not null")
                .bind("id", order.value()).map((r, md) -> new Vnd(r.get(0, Long.class))).one();
    }

    /** Cancelled orders paid by card that have not had the remaining payment refunded yet (nor asked under that key). */
    Flux<OrderId> cancelledUnrefunded(String keyPrefix) {
        // the status is written into the statement (not bound) so that it matches the partial index customer_order_unrefunded_idx
        return db.sql("""
                        select o.id from customer_order o
                        where o.status = '%s' and o.paid_at is not null and o.refunds_held_vnd < o.total_vnd
                          and o.payment_intent_id is not null
                          and not exists (select 1 from card_refund r where r.idempotency_key = :prefix || o.id::text)
                        limit 100""".formatted(OrderStatus.CANCELLED.name()))
                .bind("prefix", keyPrefix)
                .map((r, md) -> new OrderId(r.get(0, UUID.class))).all();
    }

    Mono<String> intentOf(OrderId order) {
        return db.sql("select payment_intent_id from customer_order where id = :id").bind("id", order.value())
                .map((r, md) -> r.get(0, String.class)).one();
    }

    Mono<Void> insert(CardRefund r) {
        return db.sql("insert into card_refund (" + COLUMNS + """
                        ) values (:id, :order, :amount, :key, :reason, null, :status, null, :attempts, :at, :at, null)""")
                .bind("id", r.id()).bind("order", r.order().value()).bind("amount", r.amount().dong()).bind("key", r.idempotencyKey())
                .bind("reason", r.reason()).bind("status", r.status().name()).bind("attempts", r.attempts()).bind("at", r.createdAt())
                .then();
    }

    /** Records Stripe's news of the refund: its id (kept once known), status and failure reason. */
    Mono<Void> update(UUID id, String stripeRefundId, RefundStatus status, String failureReason, OffsetDateTime at) {
        return db.sql("""
                        update card_refund set stripe_refund_id = coalesce(stripe_refund_id, :stripe), status = :status,
                            failure_reason = :failure, updated_at = :at,
                            succeeded_at = case when :status = 'SUCCEEDED' then :at else succeeded_at end
                        where id = :id""")
                .bind("stripe", Parameter.fromOrEmpty(stripeRefundId, String.class)).bind("status", status.name())
                .bind("failure", Parameter.fromOrEmpty(failureReason, String.class)).bind("at", at).bind("id", id)
                .then();
    }

    /** A failed or canceled refund asked again: a new attempt, pending, with no Stripe refund yet. */
    Mono<Void> reopen(UUID id, OffsetDateTime at) {
        return db.sql("""
                        update card_refund set attempts = attempts + 1, status = 'PENDING', stripe_refund_id = null, failure_reason = null,
                            updated_at = :at
                        where id = :id and status in ('FAILED', 'CANCELED')""")
                .bind("at", at).bind("id", id).then();
    }

    /** The order counts as refunded once Stripe says refunds of its whole total succeeded; and no longer if one of them fails later. */
    Mono<Void> orderRefunded(OrderId order, OffsetDateTime at) {
        return db.sql("""
                        update customer_order o set refunded_at = case when o.total_vnd =
                                (select coalesce(sum(r.amount_vnd), 0) from card_refund r where r.order_id = o.id and r.status = 'SUCCEEDED')
                            then coalesce(o.refunded_at, :at) end
                        where o.id = :id""")
                .bind("at", at).bind("id", order.value()).then();
    }

    private static CardRefund row(Readable r) {
        return new CardRefund(r.get("id", UUID.class), new OrderId(r.get("order_id", UUID.class)), new Vnd(r.get("amount_vnd", Long.class)),
                r.get("idempotency_key", String.class), r.get("reason", String.class), r.get("stripe_refund_id", String.class),
                RefundStatus.valueOf(r.get("status", String.class)), r.get("failure_reason", String.class), r.get("attempts", Integer.class),
                r.get("created_at", OffsetDateTime.class), r.get("updated_at", OffsetDateTime.class), r.get("succeeded_at", OffsetDateTime.class));
    }
}

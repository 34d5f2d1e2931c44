package vn.ocop.orders.payment;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.CardPayment;
import vn.ocop.orders.OrderId;

/** The payment columns of orders (intent, charge, dispute) and the record of Stripe events already applied. */
@Repository
public class PaymentRows {

    private final DatabaseClient db;

    PaymentRows(DatabaseClient db) {
        this.db = db;
    }

    public Mono<CardPayment> of(OrderId order) {
        return one("id = :key", order.value());
    }

    public Mono<CardPayment> byIntent(String intent) {
        return one("payment_intent_id = :key", intent);
    }

    public Mono<CardPayment> byCharge(String charge) {
        return one("charge_id = :key", charge);
    }

    /** Keeps the order's PaymentIntent (the first one made; Stripe returns the same for the same idempotency key). */
    public Mono<Void> intent(OrderId order, String intent, String clientSecret) {
        return db.sql("""
                        update customer_order set payment_intent_id = :intent, client_secret = :secret, intent_error = null
                        where id = :id and payment_intent_id is null""")
                .bind("intent", intent).bind("secret", clientSecret).bind("id", order.value()).then();
    }

    /** Why Stripe would not start the card payment (or could not be reached); the order page offers to try again. */
    public Mono<Void> intentFailed(OrderId order, String why) {
        return db.sql("update customer_order set intent_error = :why where id = :id and payment_intent_id is null")
                .bind("why", why).bind("id", order.value()).then();
    }

    /** How many attempts to cancel the order's PaymentIntent did not settle it: the next attempt has a key of its own. */
    public Mono<Integer> cancelAttempts(OrderId order) {
        return db.sql("select intent_cancel_attempts from customer_order where id = :id").bind("id", order.value())
                .map((r, md) -> r.get(0, Integer.class)).one();
    }

    public Mono<Void> cancelAttemptUnsettled(OrderId order) {
        return db.sql("update customer_order set intent_cancel_attempts = intent_cancel_attempts + 1 where id = :id")
                .bind("id", order.value()).then();
    }

    /** True the first time this event id is seen (in the caller's transaction: rolled back with a failed application). */
    public Mono<Boolean> firstTime(String eventId, String type, String intent) {
        return db.sql("insert into stripe_event (id, type, payment_intent_id) values (:id, :type, :intent) on conflict (id) do nothing")
                .bind("id", eventId).bind("type", type).bind("intent", Parameter.fromOrEmpty(intent, String.class))
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    public Mono<Void> failed(OrderId order, String error) {
        return db.sql("update customer_order set payment_error = :error where id = :id and paid_at is null")
                .bind("error", error == null ? "payment failed" : error).bind("id", order.value()).then();
    }

    /** The charge that paid the order (a dispute names it). */
    public Mono<Void> charge(OrderId order, String charge) {
        return charge == null ? Mono.empty() : db.sql("update customer_order set charge_id = coalesce(charge_id, :charge) where id = :id")
                .bind("charge", charge).bind("id", order.value()).then();
    }

    /** Opens or updates the dispute of the order's payment (opened at the first news of it). */
    public Mono<Void> dispute(OrderId order, String dispute, String status, String reason, OffsetDateTime at) {
        return db.sql("""
                        update customer_order set dispute_id = :dispute, dispute_status = :status,
                            dispute_reason = coalesce(:reason, dispute_reason), disputed_at = coalesce(disputed_at, :at, now())
                        where id = :id""")
                .bind("dispute", dispute).bind("status", status == null ? "needs_response" : status)
                .bind("reason", Parameter.fromOrEmpty(reason, String.class)).bind("at", Parameter.fromOrEmpty(at, OffsetDateTime.class))
                .bind("id", order.value()).then();
    }

    private Mono<CardPayment> one(String where, Object key) {
        return db.sql("""
                        select id, status, payment_intent_id, client_secret, paid_at, refunded_at, payment_error, intent_error, charge_id,
                               total_vnd, refunds_held_vnd
                        from customer_order where """ + " " + where)
                .bind("key", key)
                .map((r, md) -> new CardPayment(new OrderId(r.get("id", UUID.class)), r.get("status", String.class),
                        r.get("payment_intent_id", String.class), r.get("client_secret", String.class), r.get("paid_at", OffsetDateTime.class),
                        r.get("refunded_at", OffsetDateTime.class), r.get("payment_error", String.class), r.get("intent_error", String.class),
                        r.get("charge_id", String.class), new Vnd(r.get("total_vnd", Long.class)), new Vnd(r.get("refunds_held_vnd", Long.class))))
                .one();
    }
}

package vn.ocop.orders.payment;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.ocop.orders.CardPayment;
import vn.ocop.orders.OrderId;

/** The payment columns of orders and the record of Stripe events already applied. */
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

    /** Keeps the order's PaymentIntent (the first one made; Stripe returns the same for the same idempotency key). */
    public Mono<Void> intent(OrderId order, String intent, String clientSecret) {
        return db.sql("update customer_order set payment_intent_id = :intent, client_secret = :secret where id = :id and payment_intent_id is null")
                .bind("intent", intent).bind("secret", clientSecret).bind("id", order.value()).then();
    }

    /** True the first time this event id is seen. */
    public Mono<Boolean> firstTime(String eventId, String type, String intent) {
        return db.sql("insert into stripe_event (id, type, payment_intent_id) values (:id, :type, :intent) on conflict (id) do nothing")
                .bind("id", eventId).bind("type", type).bind("intent", Parameter.fromOrEmpty(intent, String.class))
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    public Mono<Void> failed(OrderId order, String error) {
        return db.sql("update customer_order set payment_error = :error where id = :id and paid_at is null")
                .bind("error", error == null ? "payment failed" : error).bind("id", order.value()).then();
    }

    /** Marks a paid order refunded; true when this call did (so the refund is asked for once). */
    public Mono<Boolean> refunded(OrderId order, OffsetDateTime at) {
        return db.sql("update customer_order set refunded_at = :at where id = :id and paid_at is not null and refunded_at is null")
                .bind("at", at).bind("id", order.value()).fetch().rowsUpdated().map(n -> n == 1);
    }

    private Mono<CardPayment> one(String where, Object key) {
        return db.sql("select id, status, payment_intent_id, client_secret, paid_at, refunded_at, payment_error from customer_order where " + where)
                .bind("key", key)
                .map((r, md) -> new CardPayment(new OrderId(r.get("id", UUID.class)), r.get("status", String.class),
                        r.get("payment_intent_id", String.class), r.get("client_secret", String.class), r.get("paid_at", OffsetDateTime.class),
                        r.get("refunded_at", OffsetDateTime.class), r.get("payment_error", String.class)))
                .one();
    }
}

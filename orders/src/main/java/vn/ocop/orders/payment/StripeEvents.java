package vn.ocop.orders.payment;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;

/**
 * Reads a Stripe webhook: its signature checked with the endpoint's secret (and no older than five minutes), then
 * the event's id, type and object: a PaymentIntent, a refund or a dispute ({@link PaymentEvent}). Only the
 * signature check and parsing use stripe-java; they do not block.
 */
@Component
public class StripeEvents {

    private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);

    private final StripeSettings settings;
    private final AtomicBoolean toldOperator = new AtomicBoolean();

    StripeEvents(StripeSettings settings) {
        this.settings = settings;
    }

    public PaymentEvent read(String payload, String signature) {
        if (settings.webhookSecret() == null || settings.webhookSecret().isBlank()) {
            // the caller learns only that webhooks are not taken here; the operator learns what to set, once
            if (toldOperator.compareAndSet(false, true)) {
                log.warn("A Stripe webhook arrived but STRIPE_WEBHOOK_SECRET is not set: webhooks are answered 503 until it is");
            }
            throw new OrdersException(OrdersErrorCode.NOT_CONFIGURED, "Card payment webhooks are not accepted here.");
        }
        try {
            Event event = Webhook.constructEvent(payload, signature == null ? "" : signature, settings.webhookSecret());
            StripeObject object = event.getDataObjectDeserializer().getObject().orElse(null);
            if (object == null) {
                object = event.getDataObjectDeserializer().deserializeUnsafe();
            }
            return of(event.getId(), event.getType(), object);
        } catch (SignatureVerificationException e) {
            throw new OrdersException(OrdersErrorCode.INVALID_SIGNATURE, "the Stripe-Signature is wrong or too old");
        } catch (EventDataObjectDeserializationException | RuntimeException notAnEvent) {
            throw new OrdersException(OrdersErrorCode.INVALID_SIGNATURE, "not a Stripe event");
        }
    }

    private static PaymentEvent of(String id, String type, StripeObject object) {
        if (object instanceof PaymentIntent intent) {
            String error = intent.getLastPaymentError() == null ? null : intent.getLastPaymentError().getMessage();
            return new PaymentEvent.IntentEvent(id, type, intent.getId(), intent.getLatestCharge(), error);
        }
        if (object instanceof Refund refund) {
            Map<String, String> metadata = refund.getMetadata() == null ? Map.of() : refund.getMetadata();
            return new PaymentEvent.RefundEvent(id, type, refund.getPaymentIntent(), refund.getId(), refund.getStatus(), refund.getFailureReason(),
                    metadata.get("refundId"), metadata.get("refundAttempt"));
        }
        if (object instanceof Dispute dispute) {
            OffsetDateTime opened = dispute.getCreated() == null ? null : Instant.ofEpochSecond(dispute.getCreated()).atOffset(ZoneOffset.UTC);
            return new PaymentEvent.DisputeEvent(id, type, dispute.getPaymentIntent(), dispute.getCharge(), dispute.getId(), dispute.getReason(),
                    dispute.getStatus(), opened);
        }
        return new PaymentEvent.Other(id, type);
    }
}

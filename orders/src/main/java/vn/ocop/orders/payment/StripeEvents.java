package vn.ocop.orders.payment;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;

/**
 * Reads a Stripe webhook: its signature checked with the endpoint's secret (and no older than five minutes), then
 * the event's id, type and PaymentIntent. Only the signature check uses stripe-java; it does not block.
 */
@Component
public class StripeEvents {

    private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);

    private final StripeSettings settings;
    private final AtomicBoolean toldOperator = new AtomicBoolean();

    StripeEvents(StripeSettings settings) {
        this.settings = settings;
    }

    /** One webhook event as the orders module needs it. */
    public record PaymentEvent(String id, String type, String paymentIntent, String error) {
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
            if (!(object instanceof PaymentIntent intent)) {
                return new PaymentEvent(event.getId(), event.getType(), null, null);
            }
            String error = intent.getLastPaymentError() == null ? null : intent.getLastPaymentError().getMessage();
            return new PaymentEvent(event.getId(), event.getType(), intent.getId(), error);
        } catch (SignatureVerificationException e) {
            throw new OrdersException(OrdersErrorCode.INVALID_SIGNATURE, "the Stripe-Signature is wrong or too old");
        } catch (EventDataObjectDeserializationException | RuntimeException notAnEvent) {
            throw new OrdersException(OrdersErrorCode.INVALID_SIGNATURE, "not a Stripe event");
        }
    }
}

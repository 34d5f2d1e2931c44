package vn.ocop.orders.payment;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.Order;

/**
 * The adapter to stripe-java. Every call blocks, so each runs on the bounded elastic scheduler; every call carries
 * an idempotency key, so a retried call makes no second PaymentIntent, cancel or refund. Failures come out as
 * {@link StripeFailure}: refused by Stripe, or Stripe unavailable.
 */
@Component
@EnableConfigurationProperties(StripeSettings.class)
public class StripePayments {

    private static final String UNEXPECTED_STATE = "payment_intent_unexpected_state";
    private static final String NO_SUCH_OBJECT = "resource_missing";

    private final StripeSettings settings;
    private final StripeClient client;

    StripePayments(StripeSettings settings) {
        this.settings = settings;
        Stripe.enableTelemetry = false;
        this.client = settings.enabled() ? client(settings) : null;
    }

    public StripeSettings settings() {
        return settings;
    }

    /** A PaymentIntent for the order's total in VND (zero-decimal: the amount is whole đồng), keyed by the order id. */
    public Mono<Intent> intent(Order order) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(order.total().dong())
                .setCurrency("vnd")
                .putMetadata("orderId", order.id().value().toString())
                .putMetadata("orderCode", order.code())
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
                .build();
        return call(() -> client.v1().paymentIntents().create(params, key(order.id().value().toString())))
                .map(pi -> new Intent(pi.getId(), pi.getClientSecret()));
    }

    /**
     * Cancels a PaymentIntent nobody paid ({@code cancellation_reason=abandoned}). Emits where the intent stands
     * afterwards: {@code canceled}, or what Stripe says it is when it can no longer be cancelled ({@code succeeded},
     * {@code processing}); an intent Stripe does not know counts as canceled (nothing can be paid with it).
     */
    public Mono<IntentState> cancel(String intent, String idempotencyKey) {
        PaymentIntentCancelParams params = PaymentIntentCancelParams.builder()
                .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED).build();
        return call(() -> client.v1().paymentIntents().cancel(intent, params, key(idempotencyKey)))
                .map(IntentState::of)
                .onErrorResume(StripeFailure.class, f -> {
                    if (f.getCause() instanceof StripeException e && e.getStripeError() != null) {
                        StripeError error = e.getStripeError();
                        if (UNEXPECTED_STATE.equals(error.getCode()) && error.getPaymentIntent() != null) {
                            return Mono.just(IntentState.of(error.getPaymentIntent()));
                        }
                        if (NO_SUCH_OBJECT.equals(error.getCode())) {
                            return Mono.just(new IntentState(intent, "canceled", null));
                        }
                    }
                    return Mono.error(f);
                });
    }

    /** Refunds {@code amount} of the intent's payment; the refund carries our refund's id and attempt, so its events find it. */
    public Mono<RefundState> refund(String intent, Vnd amount, String idempotencyKey, UUID refundId, int attempt, String reason) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(intent)
                .setAmount(amount.dong())
                .putMetadata("refundId", refundId.toString())
                .putMetadata("refundAttempt", Integer.toString(attempt))
                .putMetadata("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
                .build();
        return call(() -> client.v1().refunds().create(params, key(idempotencyKey)))
                .map(r -> new RefundState(r.getId(), r.getStatus(), r.getFailureReason()));
    }

    /** A PaymentIntent's id and the secret the shopper's page confirms it with. */
    public record Intent(String id, String clientSecret) {
    }

    /** Where a PaymentIntent stands: Stripe's status, and the charge that paid it, if any. */
    public record IntentState(String id, String status, String charge) {
        static IntentState of(PaymentIntent pi) {
            return new IntentState(pi.getId(), pi.getStatus(), pi.getLatestCharge());
        }
    }

    /** A refund as Stripe answered: its id, status and failure reason. */
    public record RefundState(String id, String status, String failureReason) {
    }

    private <T> Mono<T> call(StripeCall<T> call) {
        if (client == null) {
            return Mono.error(new StripeFailure(true, null, "card payments are not configured (no Stripe secret key)", null));
        }
        return Mono.fromCallable(() -> {
            try {
                return call.run();
            } catch (StripeException e) {
                throw failure(e);
            } catch (RuntimeException unexpected) {
                // stripe-java failed in a way it does not name (an answer it could not read): nothing can be concluded
                throw new StripeFailure(true, null, brief(unexpected.getMessage()), unexpected);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * A 4xx is Stripe refusing the request; no answer, a 5xx, a rate limit, a refused key or a 409 (the same key
     * still in progress elsewhere) is Stripe being unavailable: asking again later may work.
     */
    private static StripeFailure failure(StripeException e) {
        Integer status = e.getStatusCode();
        boolean unavailable = status == null || status == 0 || status >= 500 || status == 429 || status == 409 || status == 401 || status == 403;
        String message = e.getStripeError() != null && e.getStripeError().getMessage() != null ? e.getStripeError().getMessage() : e.getMessage();
        return new StripeFailure(unavailable, e.getCode(), brief(message), e);
    }

    /** Stripe's words on one line and not too long (an answer that was not Stripe's may hold a whole HTML page). */
    private static String brief(String message) {
        String line = String.valueOf(message).replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static StripeClient client(StripeSettings settings) {
        var builder = StripeClient.builder().setApiKey(settings.secretKey()).setMaxNetworkRetries(2);
        if (settings.apiBase() != null && !settings.apiBase().isBlank()) {
            builder.setApiBase(settings.apiBase());
        }
        return builder.build();
    }
}

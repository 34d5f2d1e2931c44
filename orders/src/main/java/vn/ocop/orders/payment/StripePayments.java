package vn.ocop.orders.payment;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.ocop.orders.Order;

/**
 * The adapter to stripe-java. Every call blocks, so each runs on the bounded elastic scheduler; every call carries
 * an idempotency key derived from the order, so a retried call makes no second PaymentIntent and no second refund.
 */
@Component
@EnableConfigurationProperties(StripeSettings.class)
public class StripePayments {

    private final StripeSettings settings;
    private final StripeClient client;

    StripePayments(StripeSettings settings) {
        this.settings = settings;
        Stripe.enableTelemetry = false;
        this.client = settings.enabled() ? client(settings) : null;
    }

    public boolean enabled() {
        return client != null;
    }

    public String publishableKey() {
        return settings.publishableKey();
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
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(order.id().value().toString()).build();
        return call(() -> client.v1().paymentIntents().create(params, options))
                .map(pi -> new Intent(pi.getId(), pi.getClientSecret()));
    }

    /** Refunds a paid order in full, once. */
    public Mono<String> refund(Order order, String paymentIntent) {
        RefundCreateParams params = RefundCreateParams.builder().setPaymentIntent(paymentIntent).build();
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("refund:" + order.id().value()).build();
        return call(() -> client.v1().refunds().create(params, options)).map(refund -> refund.getId());
    }

    /** A PaymentIntent's id and the secret the shopper's page confirms it with. */
    public record Intent(String id, String clientSecret) {
    }

    private <T> Mono<T> call(StripeCall<T> call) {
        if (client == null) {
            return Mono.error(new IllegalStateException("card payments are not configured (no Stripe secret key)"));
        }
        return Mono.fromCallable(call::run).subscribeOn(Schedulers.boundedElastic());
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

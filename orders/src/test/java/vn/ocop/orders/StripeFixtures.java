package vn.ocop.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe as the tests see it: its objects and events from the templates in {@code src/test/resources/stripe} (shaped
 * like Stripe's own fixtures), webhooks signed with the test endpoint secret, and WireMock answers for its API.
 */
final class StripeFixtures {

    static final String WEBHOOK_SECRET = "whsec_test_ocop";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z]+)}");

    private StripeFixtures() {
    }

    /** The PaymentIntent of an order, whose id the WireMock stub makes from the order id (its Idempotency-Key). */
    static String intentOf(Order order) {
        return "pi_" + order.id().value();
    }

    static String paymentIntent(String id, String status, long amount, String charge, String lastError) {
        boolean canceled = "canceled".equals(status);
        return fill("payment_intent.json", Map.of("id", id, "status", status, "amount", Long.toString(amount),
                "amountReceived", "succeeded".equals(status) ? Long.toString(amount) : "0",
                "canceledAt", canceled ? "1764922600" : "null", "cancellationReason", canceled ? "\"abandoned\"" : "null",
                "latestCharge", quoted(charge), "orderId", id.replace("pi_", ""),
                "lastPaymentError", lastError == null ? "null" : "{\"code\": \"card_declined\", \"decline_code\": \"generic_decline\", "
                        + "\"message\": \"" + lastError + "\", \"type\": \"card_error\"}"));
    }

    static String refund(String id, String intent, long amount, String status, String failureReason, String refundId, int attempt) {
        return fill("refund.json", Map.of("id", id, "paymentIntent", intent, "amount", Long.toString(amount), "status", status,
                "charge", "ch_" + intent.substring(3), "failureReason", quoted(failureReason),
                "failureBalanceTransaction", failureReason == null ? "null" : "\"txn_refund_failure\"",
                "refundId", refundId == null ? "" : refundId, "attempt", Integer.toString(attempt)));
    }

    static String dispute(String id, String intent, String charge, long amount, String reason, String status) {
        return fill("dispute.json", Map.of("id", id, "paymentIntent", quoted(intent), "charge", charge, "amount", Long.toString(amount),
                "reason", reason, "status", status));
    }

    static String event(String eventId, String type, String object) {
        return fill("event.json", Map.of("eventId", eventId, "type", type, "object", object));
    }

    /** Stripe's error body: {@code invalid_request_error} with a code, a message and, for PaymentIntent errors, the intent. */
    static String error(String code, String message, String paymentIntent) {
        return fill("error.json", Map.of("code", code, "docCode", code.replace('_', '-'), "message", message,
                "paymentIntent", paymentIntent == null ? "null" : paymentIntent));
    }

    /** The Stripe-Signature header of a payload, as Stripe signs it with the endpoint's secret. */
    static String sign(String payload) {
        return sign(payload, System.currentTimeMillis() / 1000);
    }

    static String sign(String payload, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withHeader("Request-Id", "req_test").withBody(body);
    }

    /** PaymentIntents made from the Idempotency-Key (the order id): {@code pi_<order id>}, its client secret {@code pi_<order id>_secret_test}. */
    static void intentsAreMade(WireMockServer stripe) {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json(200,
                paymentIntent("pi_{{request.headers.Idempotency-Key}}", "requires_payment_method", 1, null, null))));
    }

    /** Stripe answers the cancel of this order's PaymentIntent with {@code response}. */
    static void cancelAnswers(WireMockServer stripe, Order order, ResponseDefinitionBuilder response) {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents/" + intentOf(order) + "/cancel")).willReturn(response));
    }

    /** The intent was cancelled. */
    static ResponseDefinitionBuilder cancelled(Order order) {
        return json(200, paymentIntent(intentOf(order), "canceled", order.total().dong(), null, null));
    }

    /** The intent cannot be cancelled: Stripe's payment_intent_unexpected_state, carrying the intent in that status. */
    static ResponseDefinitionBuilder cannotCancel(Order order, String status, String charge) {
        return json(400, error("payment_intent_unexpected_state", "You cannot cancel this PaymentIntent because it has a status of " + status
                        + ". Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, "
                        + "requires_confirmation, requires_action, processing.",
                paymentIntent(intentOf(order), status, order.total().dong(), charge, null)));
    }

    /** Refunds are made with the status given; the refund's id is made from its Idempotency-Key. */
    static void refundsAre(WireMockServer stripe, String status) {
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(json(200,
                refund("re_{{request.headers.Idempotency-Key}}", "pi_test", 1, status, null, null, 1))));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(read(template));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(template + " needs ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static String read(String template) {
        try (InputStream in = StripeFixtures.class.getResourceAsStream("/stripe/" + template)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

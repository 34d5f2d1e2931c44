package vn.ocop.storefront.web.orders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.orders.Checkout;
import vn.ocop.orders.Order;
import vn.ocop.orders.PaymentMethod;
import vn.ocop.orders.Payments;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.Orders;
import vn.ocop.orders.RecallNotice;
import vn.ocop.orders.Recalls;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.orders.CancelReason;
import vn.ocop.storefront.web.orders.OrderJson.OrderJsonRequest;
import vn.ocop.storefront.web.orders.OrderJson.QuoteJson;
import vn.ocop.storefront.web.orders.OrderJson.QuoteJsonRequest;

/** A shopper's orders: checkout with an Idempotency-Key, the list, one order, cancelling. Someone else's order is 404. */
@RestController
@Tag(name = "Orders", description = "Checkout (COD, pay at pickup, card) and your orders (signed in)")
class OrderApiController {

    private final Checkout checkout;
    private final Orders orders;
    private final Payments payments;
    private final CurrentAccount current;
    private final Recalls recalls;

    OrderApiController(Checkout checkout, Orders orders, Payments payments, CurrentAccount current, Recalls recalls) {
        this.checkout = checkout;
        this.orders = orders;
        this.payments = payments;
        this.current = current;
        this.recalls = recalls;
    }

    @PostMapping("/api/v1/orders")
    @Operation(summary = "Place an order",
            description = "Header Idempotency-Key (1–200 characters, one per order): the same key returns the same order (200), a different body "
                    + "with it is 422. Stock is reserved in the same transaction: 409 not-enough-stock or not-sellable when it cannot be. "
                    + "CARD: a total below Stripe's minimum (the equivalent of US$0.50) or above 99,999,999 đồng is 409 card-amount-out-of-range "
                    + "and nothing is written; the answer carries the PaymentIntent's clientSecret, or cardPaymentStartFailed when Stripe "
                    + "would not start it (POST /api/v1/orders/{id}/card-payment asks again).")
    Mono<ResponseEntity<ShopperOrderJson>> place(@RequestHeader(value = "Idempotency-Key", required = false) String key,
                                          @Valid @RequestBody OrderJsonRequest body) {
        return current.get()
                .flatMap(account -> Mono.fromCallable(() -> body.request(key, account.id())))
                .flatMap(checkout::place)
                // a just-placed order answers as of its commit: its lots were taken because they could be sold, so no recall had
                // reached it, and a recall that reaches it a moment later is in its next reading (one statement less per checkout)
                .flatMap(placed -> view(placed.order(), placed.created() ? Mono.just(List.of()) : recalls.on(placed.order().id()).collectList())
                        .map(view -> ResponseEntity.status(placed.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .location(URI.create("/api/v1/orders/" + placed.order().id().value()))
                        .body(view)));
    }

    @PostMapping("/api/v1/orders/quote")
    @Operation(summary = "What an order would cost, before placing it",
            description = "The lines and provinceCode (delivery) or pickupLocationId: the parcels it would make (one per location and producer, "
                    + "chosen as checkout would choose now), each with its shipping fee by zone and weight and its delivery window, and the totals. "
                    + "Anyone may ask; signed in, your flash-price units count. Nothing is reserved.")
    Mono<QuoteJson> quote(@Valid @RequestBody QuoteJsonRequest body) {
        return current.get().map(a -> java.util.Optional.of(a.id())).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(account -> checkout.quote(body.basket(account.orElse(null))))
                .map(QuoteJson::of);
    }

    @GetMapping("/api/v1/orders")
    @Operation(summary = "Your orders, newest first")
    Flux<ShopperOrderJson> mine() {
        return current.get().flatMapMany(a -> orders.mine(a.id())).concatMap(this::view);
    }

    @GetMapping("/api/v1/orders/{id}")
    @Operation(summary = "One of your orders", description = "404 when it is not yours.")
    Mono<ShopperOrderJson> one(@PathVariable UUID id) {
        return current.get().flatMap(a -> orders.mine(a.id(), new OrderId(id))).flatMap(this::view);
    }

    @PostMapping("/api/v1/orders/{id}/card-payment")
    @Operation(summary = "Start the card payment again",
            description = "For your unpaid card order whose card payment Stripe would not start (cardPaymentStartFailed): asks Stripe again, "
                    + "with the same idempotency key (the order id). Answers the order, with its clientSecret once Stripe made the "
                    + "PaymentIntent. 409 invalid-state when the order no longer waits for a card payment; 404 when it is not yours.")
    Mono<ShopperOrderJson> startCardPayment(@PathVariable UUID id) {
        return current.get().flatMap(a -> orders.mine(a.id(), new OrderId(id)))
                .flatMap(o -> payments.retryIntent(o).then(view(o)));
    }

    @PostMapping("/api/v1/payments/stripe/webhook")
    @Operation(summary = "Stripe's webhook", description = "Signed with the endpoint's secret (Stripe-Signature); a wrong or stale signature is 400 and "
            + "changes nothing. Each event is recorded and applied in one transaction, once, in any order (a failure while applying "
            + "records nothing, so Stripe's retry applies it): payment_intent.succeeded, payment_intent.payment_failed, refund.created, "
            + "refund.updated, refund.failed (and charge.refund.updated), charge.dispute.created, .updated and .closed.")
    Mono<ResponseEntity<Void>> webhook(@RequestHeader(value = "Stripe-Signature", required = false) String signature,
                                       @RequestBody String payload) {
        return payments.webhook(payload, signature).thenReturn(ResponseEntity.ok().build());
    }

    /** The shopper's view: the order, its card payment and its refunds, and the recalls of lots it received or held. */
    private Mono<ShopperOrderJson> view(Order order) {
        return view(order, recalls.on(order.id()).collectList());
    }

    private Mono<ShopperOrderJson> view(Order order, Mono<List<RecallNotice>> recallNotices) {
        return recallNotices.flatMap(notices -> {
            if (order.payment() != PaymentMethod.CARD) {
                return Mono.just(ShopperOrderJson.of(order, null, List.of(), notices));
            }
            return Mono.zip(payments.payment(order.id()), payments.refunds(order.id()).collectList())
                    .map(t -> ShopperOrderJson.of(order, t.getT1(), t.getT2(), notices))
                    .defaultIfEmpty(ShopperOrderJson.of(order, null, List.of(), notices));
        });
    }

    /** Why: one of CHANGED_MIND, ORDERED_BY_MISTAKE, BETTER_PRICE_ELSEWHERE, OTHER (the default). */
    record CancelJson(CancelReason reason) {
    }

    @PostMapping("/api/v1/orders/{id}/cancel")
    @Operation(summary = "Cancel your order before anything has left",
            description = "Optional body {reason}: CHANGED_MIND, ORDERED_BY_MISTAKE, BETTER_PRICE_ELSEWHERE or OTHER (default). Its stock is released "
                    + "and a paid card refunded; 409 once a parcel has shipped or been collected. An unpaid card order's PaymentIntent is "
                    + "cancelled at Stripe first: 409 payment-in-progress when Stripe says it was paid (the order is then placed) or is being "
                    + "processed, 503 payment-provider-unavailable when Stripe cannot be reached (nothing changed).")
    Mono<ShopperOrderJson> cancel(@PathVariable UUID id, @RequestBody(required = false) CancelJson body) {
        CancelReason reason = body == null || body.reason() == null ? CancelReason.OTHER : body.reason();
        return current.get().flatMap(a -> orders.cancel(a.id(), new OrderId(id), reason)).flatMap(this::view);
    }
}

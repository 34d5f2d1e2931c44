package vn.ocop.storefront.web.orders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
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
import vn.ocop.orders.OrderStatus;
import vn.ocop.orders.Payments;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.Orders;
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

    OrderApiController(Checkout checkout, Orders orders, Payments payments, CurrentAccount current) {
        this.checkout = checkout;
        this.orders = orders;
        this.payments = payments;
        this.current = current;
    }

    @PostMapping("/api/v1/orders")
    @Operation(summary = "Place an order",
            description = "Header Idempotency-Key (1–200 characters, one per order): the same key returns the same order (200), a different body "
                    + "with it is 422. Stock is reserved in the same transaction: 409 not-enough-stock or not-sellable when it cannot be.")
    Mono<ResponseEntity<ShopperOrderJson>> place(@RequestHeader(value = "Idempotency-Key", required = false) String key,
                                          @Valid @RequestBody OrderJsonRequest body) {
        return current.get()
                .flatMap(account -> Mono.fromCallable(() -> body.request(key, account.id())))
                .flatMap(checkout::place)
                .flatMap(placed -> withSecret(placed.order()).map(view -> ResponseEntity.status(placed.created() ? HttpStatus.CREATED : HttpStatus.OK)
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
        return current.get().flatMapMany(a -> orders.mine(a.id())).map(ShopperOrderJson::of);
    }

    @GetMapping("/api/v1/orders/{id}")
    @Operation(summary = "One of your orders", description = "404 when it is not yours.")
    Mono<ShopperOrderJson> one(@PathVariable UUID id) {
        return current.get().flatMap(a -> orders.mine(a.id(), new OrderId(id))).flatMap(this::withSecret);
    }

    @PostMapping("/api/v1/payments/stripe/webhook")
    @Operation(summary = "Stripe's webhook", description = "Signed with the endpoint's secret (Stripe-Signature); a wrong or stale signature is 400 and "
            + "changes nothing. payment_intent.succeeded and payment_intent.payment_failed are applied once each, in any order.")
    Mono<ResponseEntity<Void>> webhook(@RequestHeader(value = "Stripe-Signature", required = false) String signature,
                                       @RequestBody String payload) {
        return payments.webhook(payload, signature).thenReturn(ResponseEntity.ok().build());
    }

    private Mono<ShopperOrderJson> withSecret(Order order) {
        return payments.payment(order.id())
                .map(p -> ShopperOrderJson.of(order, order.status() == OrderStatus.PENDING_PAYMENT ? p.clientSecret() : null))
                .defaultIfEmpty(ShopperOrderJson.of(order));
    }

    /** Why: one of CHANGED_MIND, ORDERED_BY_MISTAKE, BETTER_PRICE_ELSEWHERE, OTHER (the default). */
    record CancelJson(CancelReason reason) {
    }

    @PostMapping("/api/v1/orders/{id}/cancel")
    @Operation(summary = "Cancel your order before anything has left",
            description = "Optional body {reason}: CHANGED_MIND, ORDERED_BY_MISTAKE, BETTER_PRICE_ELSEWHERE or OTHER (default). Its stock is released "
                    + "and a paid card refunded; 409 once a parcel has shipped or been collected.")
    Mono<ShopperOrderJson> cancel(@PathVariable UUID id, @RequestBody(required = false) CancelJson body) {
        CancelReason reason = body == null || body.reason() == null ? CancelReason.OTHER : body.reason();
        return current.get().flatMap(a -> orders.cancel(a.id(), new OrderId(id), reason)).map(ShopperOrderJson::of);
    }
}

package vn.ocop.orders.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogClock;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.ProductOffer;
import vn.ocop.catalog.StockReports;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.Order;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.OrderRequest;
import vn.ocop.orders.OrderStatus;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.PaymentMethod;
import vn.ocop.orders.live.FlashClaims;
import vn.ocop.orders.live.FlashClaims.Held;
import vn.ocop.orders.live.FlashPricing;

/** The steps of placing one order, inside the caller's transaction. */
@Service
public class Placing {

    private final OrderRows orders;
    private final StockReports stock;
    private final Inventory inventory;
    private final Destinations destinations;
    private final FlashPricing flash;
    private final FlashClaims claims;
    private final Clock clock;
    private final Duration pickupWindow;

    Placing(OrderRows orders, StockReports stock, Inventory inventory, Destinations destinations, FlashPricing flash, FlashClaims claims,
            Clock clock, @Value("${ocop.pickup.days:3}") int pickupDays) {
        this.orders = orders;
        this.stock = stock;
        this.inventory = inventory;
        this.destinations = destinations;
        this.flash = flash;
        this.claims = claims;
        this.clock = clock;
        this.pickupWindow = Duration.ofDays(pickupDays);
    }

    /** The order's lines, and the flash claims some of them take (their units are already set aside in an offer's pool). */
    private record Allocated(List<Order.Line> lines, List<Held> claims) {
        boolean flash(Order.Line line) {
            return claims.stream().map(c -> flashMovement(c.claim())).anyMatch(line.reserveMovement()::equals);
        }
    }

    /** A flash line's movement id: it reserves nothing (the pool did), but releases and fulfils under it. */
    private static UUID flashMovement(UUID claim) {
        return Inventory.derivedId(claim, "order");
    }

    public Mono<Order> place(OrderRequest request) {
        OrderId id = new OrderId(UUID.randomUUID());
        LocalDate today = LocalDate.now(clock.withZone(CatalogClock.ZONE));
        return destinations.check(request.destination())
                .then(stock.offers(request.lines().stream().map(OrderRequest.Line::product).toList(), today).collectMap(ProductOffer::product))
                .flatMap(offers -> sellable(request, offers))
                .flatMap(offers -> flash.held(request.account(), offers.keySet()).flatMap(held -> allocateAll(id, request, offers, today, held)))
                .flatMap(allocated -> {
                    Order order = order(id, request, allocated.lines());
                    return orders.insert(order, request.idempotencyKey())
                            .thenMany(Flux.fromIterable(allocated.claims()).concatMap(c -> claims.ordered(c.claim(), id.value(), order.placedAt())))
                            .then(reserveAll(order, allocated))
                            .thenReturn(order);
                });
    }

    private static Mono<Map<ProductId, ProductOffer>> sellable(OrderRequest request, Map<ProductId, ProductOffer> offers) {
        return request.lines().stream().allMatch(l -> offers.containsKey(l.product()) && offers.get(l.product()).sellable())
                ? Mono.just(offers)
                : Mono.error(new OrdersException(OrdersErrorCode.NOT_SELLABLE,
                        "a product in this order is no longer on sale (its OCOP ranking expired or was revoked): remove it and try again"));
    }

    /**
     * Gives each line its location (the pickup outlet, else the one with the most available) from what is
     * available now, without locking anything: a line no location can supply is refused here, before any write.
     * Units the shopper holds at a flash price become lines of their own, at the offer's price and location.
     */
    private Mono<Allocated> allocateAll(OrderId id, OrderRequest request, Map<ProductId, ProductOffer> offers, LocalDate today,
                                        Map<ProductId, List<Held>> held) {
        List<OrderRequest.Line> sorted = request.lines().stream().sorted(Comparator.comparing((OrderRequest.Line l) -> l.product().value())).toList();
        Map<String, UUID> fulfilments = new HashMap<>();
        List<Order.Line> lines = new ArrayList<>();
        List<Held> taken = new ArrayList<>();
        LocationId pickupAt = request.destination().pickupAt();
        return Flux.fromIterable(sorted).concatMap(line -> {
            List<Held> fitting = FlashPricing.fitting(held.get(line.product()), line.quantity());
            for (Held h : fitting) {
                if (pickupAt != null && !pickupAt.equals(h.location())) {
                    return Mono.error(new OrdersException(OrdersErrorCode.INVALID_REQUEST, "your flash-price units of \"" + h.name()
                            + "\" wait at another location: collect them there or choose delivery"));
                }
                lines.add(new Order.Line(lines.size() + 1, h.product(), h.name(), h.flashPrice(), h.quantity(), h.location(), h.producer(),
                        fulfilment(fulfilments, h.location(), h.producer()), OrderStatus.PLACED, flashMovement(h.claim())));
                taken.add(h);
            }
            int rest = line.quantity() - fitting.stream().mapToInt(Held::quantity).sum();
            if (rest == 0) {
                return Mono.empty();
            }
            ProductOffer offer = offers.get(line.product());
            return stock.of(line.product(), today).collectList()
                    .flatMap(levels -> Mono.justOrEmpty(Allocation.choose(levels, pickupAt, rest)))
                    .switchIfEmpty(Mono.error(() -> notEnough(offer.name())))
                    .doOnNext(location -> {
                        int number = lines.size() + 1;
                        lines.add(new Order.Line(number, line.product(), offer.name(), offer.price(), rest, location, offer.producer(),
                                fulfilment(fulfilments, location, offer.producer()), OrderStatus.PLACED, Inventory.derivedId(id.value(), "reserve:" + number)));
                    });
        }).then(Mono.fromSupplier(() -> new Allocated(List.copyOf(lines), List.copyOf(taken))));
    }

    private static UUID fulfilment(Map<String, UUID> fulfilments, LocationId location, ProducerId producer) {
        return fulfilments.computeIfAbsent(location.value() + ":" + producer.value(), k -> UUID.randomUUID());
    }

    /**
     * Reserves every line, last of all, so that the stock rows stay locked only from their conditional update to
     * the commit (a hot product's row is what every concurrent checkout waits for). Lines go in product order,
     * so concurrent orders lock rows in the same order. Not enough left (taken since the allocation): the whole
     * transaction is rolled back.
     */
    private Mono<Void> reserveAll(Order order, Allocated allocated) {
        return Flux.fromIterable(order.lines())
                .filter(l -> !allocated.flash(l))
                .concatMap(l -> inventory.reserve(l.reserveMovement(), l.location(), l.product(), l.quantity(), "order:" + order.id().value(), "checkout")
                        .onErrorMap(CatalogException.class, e -> e.code() == CatalogErrorCode.INSUFFICIENT_STOCK ? notEnough(l.name()) : e))
                .then();
    }

    private Order order(OrderId id, OrderRequest request, List<Order.Line> lines) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean pickup = request.destination().isPickup();
        Vnd total = lines.stream().map(Order.Line::total).reduce(new Vnd(0), Vnd::plus);
        OrderStatus status = request.payment() == PaymentMethod.CARD ? OrderStatus.PENDING_PAYMENT : OrderStatus.PLACED;
        return new Order(id, "OCOP-" + Codes.next(8), request.account(), status, request.payment(), request.contact(),
                request.destination(), pickup ? Codes.next(6) : null, pickup ? now.plus(pickupWindow) : null, total,
                lines, now, request.hash());
    }

    private static OrdersException notEnough(String product) {
        return new OrdersException(OrdersErrorCode.NOT_ENOUGH_STOCK, "not enough of \"" + product + "\" left to order that many");
    }
}

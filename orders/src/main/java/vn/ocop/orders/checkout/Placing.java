package vn.ocop.orders.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

/** The steps of placing one order, inside the caller's transaction. */
@Service
public class Placing {

    private final OrderRows orders;
    private final StockReports stock;
    private final Inventory inventory;
    private final Destinations destinations;
    private final Clock clock;
    private final Duration pickupWindow;

    Placing(OrderRows orders, StockReports stock, Inventory inventory, Destinations destinations, Clock clock,
            @Value("${ocop.pickup.days:3}") int pickupDays) {
        this.orders = orders;
        this.stock = stock;
        this.inventory = inventory;
        this.destinations = destinations;
        this.clock = clock;
        this.pickupWindow = Duration.ofDays(pickupDays);
    }

    public Mono<Order> place(OrderRequest request) {
        OrderId id = new OrderId(UUID.randomUUID());
        LocalDate today = LocalDate.now(clock.withZone(CatalogClock.ZONE));
        return destinations.check(request.destination())
                .then(stock.offers(request.lines().stream().map(OrderRequest.Line::product).toList(), today).collectMap(ProductOffer::product))
                .flatMap(offers -> sellable(request, offers))
                .flatMap(offers -> allocateAll(id, request, offers, today))
                .map(lines -> order(id, request, lines))
                .flatMap(order -> orders.insert(order, request.idempotencyKey()).then(reserveAll(order)).thenReturn(order));
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
     */
    private Mono<List<Order.Line>> allocateAll(OrderId id, OrderRequest request, Map<ProductId, ProductOffer> offers, LocalDate today) {
        List<OrderRequest.Line> sorted = request.lines().stream().sorted(Comparator.comparing((OrderRequest.Line l) -> l.product().value())).toList();
        Map<String, UUID> fulfilments = new HashMap<>();
        return Flux.range(0, sorted.size())
                .concatMap(i -> allocate(id, i + 1, sorted.get(i), offers.get(sorted.get(i).product()), request.destination().pickupAt(), today, fulfilments))
                .collectList();
    }

    private Mono<Order.Line> allocate(OrderId id, int number, OrderRequest.Line line, ProductOffer offer, LocationId pickupAt, LocalDate today,
                                      Map<String, UUID> fulfilments) {
        return stock.of(line.product(), today).collectList()
                .flatMap(levels -> Mono.justOrEmpty(Allocation.choose(levels, pickupAt, line.quantity())))
                .switchIfEmpty(Mono.error(() -> notEnough(offer.name())))
                .map(location -> new Order.Line(number, line.product(), offer.name(), offer.price(), line.quantity(), location,
                        offer.producer(), fulfilments.computeIfAbsent(location.value() + ":" + offer.producer().value(), k -> UUID.randomUUID()),
                        OrderStatus.PLACED, Inventory.derivedId(id.value(), "reserve:" + number)));
    }

    /**
     * Reserves every line, last of all, so that the stock rows stay locked only from their conditional update to
     * the commit (a hot product's row is what every concurrent checkout waits for). Lines go in product order,
     * so concurrent orders lock rows in the same order. Not enough left (taken since the allocation): the whole
     * transaction is rolled back.
     */
    private Mono<Void> reserveAll(Order order) {
        return Flux.fromIterable(order.lines())
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

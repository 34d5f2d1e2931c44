package vn.ocop.orders.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.orders.Actor;
import vn.ocop.orders.Basket;
import vn.ocop.orders.Fulfilment;
import vn.ocop.orders.Order;
import vn.ocop.orders.OrderEvent;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.OrderRequest;
import vn.ocop.orders.OrderStatus;
import vn.ocop.orders.PaymentMethod;
import vn.ocop.orders.Quote;
import vn.ocop.orders.lifecycle.OrderRows;
import vn.ocop.orders.live.FlashClaims;

/**
 * The steps of placing one order, inside the caller's transaction: check where it goes, allot each line a
 * location, make the parcels and their shipping fees, let the caller accept the whole order (a card total Stripe
 * cannot take is refused here), write it, then reserve its stock last. A quote
 * takes the same steps up to the parcels and writes nothing.
 */
@Service
public class Placing {

    private final OrderRows orders;
    private final Destinations destinations;
    private final Allocator allocator;
    private final Parcels parcels;
    private final Inventory inventory;
    private final FlashClaims claims;
    private final Clock clock;
    private final Duration pickupWindow;

    Placing(OrderRows orders, Destinations destinations, Allocator allocator, Parcels parcels, Inventory inventory, FlashClaims claims,
            Clock clock, @Value("${ocop.pickup.days:3}") int pickupDays) {
        this.orders = orders;
        this.destinations = destinations;
        this.allocator = allocator;
        this.parcels = parcels;
        this.inventory = inventory;
        this.claims = claims;
        this.clock = clock;
        this.pickupWindow = Duration.ofDays(pickupDays);
    }

    /** Places the order; {@code accept} sees it whole before anything is written and may refuse it (by throwing). */
    public Mono<Order> place(OrderRequest request, Consumer<Order> accept) {
        OrderId id = new OrderId(UUID.randomUUID());
        return destinations.check(request.destination()).map(List::of).defaultIfEmpty(List.of())
                .flatMap(known -> allocator.allocate(id, request.basket())
                .flatMap(allocated -> parcels.of(allocated.lines(), request.destination(), known).flatMap(drafted -> {
                    Order order = order(id, request, drafted.stream().map(Parcels.Drafted::fulfilment).toList());
                    accept.accept(order);
                    return orders.insert(order, request.idempotencyKey())
                            .thenMany(Flux.fromIterable(allocated.claims()).concatMap(c -> claims.ordered(c.claim(), id.value(), order.placedAt())))
                            .then(reserveAll(order, allocated))
                            .thenReturn(order);
                })));
    }

    /** What the basket would cost now, in its parcels, with no write. */
    public Mono<Quote> quote(Basket basket) {
        return destinations.checkForQuote(basket.destination()).map(List::of).defaultIfEmpty(List.of())
                .flatMap(known -> allocator.allocate(new OrderId(UUID.randomUUID()), basket)
                        .flatMap(allocated -> parcels.of(allocated.lines(), basket.destination(), known)))
                .map(drafted -> new Quote(drafted.stream().map(d -> new Quote.Parcel(d.from(), d.fulfilment().lines(), d.fulfilment().weightGrams(),
                        d.fulfilment().shipping(), d.fulfilment().window())).toList()));
    }

    /**
     * Reserves every line, last of all, so that the stock rows stay locked only from their conditional update to
     * the commit (a hot product's row is what every concurrent checkout waits for). Lines go in product order,
     * so concurrent orders lock rows in the same order. Not enough left (taken since the allocation): the whole
     * transaction is rolled back. Flash lines reserve nothing: their units are the offer's pool.
     */
    private Mono<Void> reserveAll(Order order, Allocator.Allocated allocated) {
        return Flux.fromIterable(allocated.lines())
                .filter(a -> a.flash() == null)
                .concatMap(a -> inventory.reserve(a.line().reserveMovement(), a.location(), a.line().product(), a.line().quantity(),
                                "order:" + order.id().value(), "checkout")
                        .onErrorMap(CatalogException.class, e -> e.code() == CatalogErrorCode.INSUFFICIENT_STOCK ? Allocator.notEnough(a.line().name()) : e))
                .then();
    }

    private Order order(OrderId id, OrderRequest request, List<Fulfilment> fulfilments) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean pickup = request.destination().isPickup();
        OrderStatus status = request.payment() == PaymentMethod.CARD ? OrderStatus.PENDING_PAYMENT : OrderStatus.PLACED;
        OrderEvent placed = new OrderEvent(1, now, null, status == OrderStatus.PENDING_PAYMENT ? OrderEvent.Kind.AWAITING_PAYMENT : OrderEvent.Kind.PLACED,
                Actor.shopper(request.account().toString()), null);
        return new Order(id, "OCOP-" + Codes.next(8), request.account(), status, request.payment(), request.contact(),
                request.destination(), pickup ? Codes.next(6) : null, pickup ? now.plus(pickupWindow) : null, fulfilments,
                now, request.hash(), null, List.of(placed), null);
    }
}

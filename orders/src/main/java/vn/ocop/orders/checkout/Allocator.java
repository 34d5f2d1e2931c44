package vn.ocop.orders.checkout;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.ProductOffer;
import vn.ocop.catalog.stock.StockedOffer;
import vn.ocop.catalog.stock.StockReports;
import vn.ocop.orders.Basket;
import vn.ocop.orders.Order;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.OrderRequest;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.live.FlashClaims.Held;
import vn.ocop.orders.live.FlashPricing;

/**
 * Gives each line of a basket the location it comes from, from what is available now and without locking
 * anything: the pickup outlet when the shopper collects, else the location with the most available. A product
 * not on sale, or a line no location can supply, is refused here, before any write. Units the shopper holds at
 * a flash price become lines of their own, at the offer's price and location.
 */
@Component
class Allocator {

    private final StockReports stock;
    private final FlashPricing flash;
    private final Catalog catalog;

    Allocator(StockReports stock, FlashPricing flash, Catalog catalog) {
        this.stock = stock;
        this.flash = flash;
        this.catalog = catalog;
    }

    /** A line with where it comes from, who sends it and how much one unit weighs; {@code flash} lines reserve nothing more. */
    record Allotted(Order.Line line, LocationId location, ProducerId producer, int unitGrams, Held flash) {
    }

    /** The basket's lines, each with its location, and the flash claims they take. */
    record Allocated(List<Allotted> lines, List<Held> claims) {
    }

    Mono<Allocated> allocate(OrderId id, Basket basket) {
        LocalDate today = catalog.today();
        List<ProductId> products = basket.lines().stream().map(OrderRequest.Line::product).toList();
        // each product's offer and stock rows in one read: the levels are only a guide (nothing is locked), the reservation decides
        return stock.stockedOffers(products, today).collectMap(o -> o.offer().product())
                .flatMap(stocked -> sellable(basket, stocked))
                .flatMap(stocked -> flash.held(basket.account(), stocked.keySet()).flatMap(held -> allot(id, basket, stocked, held)));
    }

    private static Mono<Map<ProductId, StockedOffer>> sellable(Basket basket, Map<ProductId, StockedOffer> offers) {
        return basket.lines().stream().allMatch(l -> offers.containsKey(l.product()) && offers.get(l.product()).offer().sellable())
                ? Mono.just(offers)
                : Mono.error(new OrdersException(OrdersErrorCode.NOT_SELLABLE,
                        "a product in this order is no longer on sale (its OCOP ranking expired or was revoked): remove it and try again"));
    }

    private Mono<Allocated> allot(OrderId id, Basket basket, Map<ProductId, StockedOffer> offers, Map<ProductId, List<Held>> held) {
        List<OrderRequest.Line> sorted = basket.lines().stream().sorted(Comparator.comparing((OrderRequest.Line l) -> l.product().value())).toList();
        List<Allotted> lines = new ArrayList<>();
        List<Held> taken = new ArrayList<>();
        LocationId pickupAt = basket.destination().pickupAt();
        return Flux.fromIterable(sorted).concatMap(line -> {
            ProductOffer offer = offers.get(line.product()).offer();
            List<Held> fitting = FlashPricing.fitting(held.get(line.product()), line.quantity());
            for (Held h : fitting) {
                if (pickupAt != null && !pickupAt.equals(h.location())) {
                    return Mono.error(new OrdersException(OrdersErrorCode.INVALID_REQUEST, "your flash-price units of \"" + h.name()
                            + "\" wait at another location: collect them there or choose delivery"));
                }
                lines.add(new Allotted(new Order.Line(lines.size() + 1, h.product(), h.name(), h.flashPrice(), h.quantity(), flashMovement(h.claim())),
                        h.location(), h.producer(), offer.shippingWeightGrams(), h));
                taken.add(h);
            }
            int rest = line.quantity() - fitting.stream().mapToInt(Held::quantity).sum();
            if (rest == 0) {
                return Mono.empty();
            }
            return Mono.justOrEmpty(Allocation.choose(offers.get(line.product()).levels(), pickupAt, rest))
                    .switchIfEmpty(Mono.error(() -> notEnough(offer.name())))
                    .doOnNext(location -> {
                        int number = lines.size() + 1;
                        lines.add(new Allotted(new Order.Line(number, line.product(), offer.name(), offer.price(), rest,
                                Inventory.derivedId(id.value(), "reserve:" + number)), location, offer.producer(), offer.shippingWeightGrams(), null));
                    });
        }).then(Mono.fromSupplier(() -> new Allocated(List.copyOf(lines), List.copyOf(taken))));
    }

    /** A flash line's movement id: it reserves nothing (the pool did), but releases and fulfils under it. */
    static UUID flashMovement(UUID claim) {
        return Inventory.derivedId(claim, "order");
    }

    static OrdersException notEnough(String product) {
        return new OrdersException(OrdersErrorCode.NOT_ENOUGH_STOCK, "not enough of \"" + product + "\" left to order that many");
    }
}

package vn.ocop.orders.live;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.ProductOffer;
import vn.ocop.catalog.stock.StockReports;
import vn.ocop.orders.EventPlan;
import vn.ocop.orders.FlashOffer;
import vn.ocop.orders.LiveEvent;
import vn.ocop.orders.LiveStatus;
import vn.ocop.orders.OfferTerms;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;

/**
 * What the host of an event does: schedule, go live, pin, open and close flash offers, end or cancel. Each
 * action checks that the event is the producer's (else NOT_FOUND, as if it were not there) and that its state
 * allows it (else INVALID_STATE), and tells viewers in the same transaction.
 */
@Service
public class Hosting {

    private final LiveRows rows;
    private final FlashClaims claims;
    private final Inventory inventory;
    private final StockReports stock;
    private final Catalog catalog;
    private final TransactionalOperator transactions;
    private final Clock clock;

    Hosting(LiveRows rows, FlashClaims claims, Inventory inventory, StockReports stock, Catalog catalog, TransactionalOperator transactions,
            Clock clock) {
        this.rows = rows;
        this.claims = claims;
        this.inventory = inventory;
        this.stock = stock;
        this.catalog = catalog;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<LiveEvent> schedule(ProducerId producer, EventPlan plan) {
        return rows.insert(UUID.randomUUID(), producer, plan);
    }

    public Mono<LiveEvent> start(ProducerId producer, UUID event) {
        return transactions.transactional(own(producer, event).flatMap(e -> rows.move(event, producer, List.of(LiveStatus.SCHEDULED), LiveStatus.LIVE, now())
                .switchIfEmpty(Mono.error(() -> refused(e, "go live")))
                .flatMap(live -> rows.announce(event, "started", null, null).thenReturn(live))));
    }

    public Mono<LiveEvent> cancel(ProducerId producer, UUID event) {
        return own(producer, event).flatMap(e -> rows.move(event, producer, List.of(LiveStatus.SCHEDULED), LiveStatus.CANCELLED, now())
                .switchIfEmpty(Mono.error(() -> refused(e, "cancel"))));
    }

    /** Ends the event: every open offer closes and releases what is left of its pool; held claims lapse. */
    public Mono<LiveEvent> end(ProducerId producer, UUID event) {
        return transactions.transactional(own(producer, event)
                .flatMap(e -> rows.move(event, producer, List.of(LiveStatus.LIVE), LiveStatus.ENDED, now())
                        .switchIfEmpty(Mono.error(() -> refused(e, "end"))))
                .flatMap(ended -> rows.openOffers(event).concatMap(o -> closeOne(o, "ended")).then(rows.announce(event, "ended", null, null))
                        .thenReturn(ended)));
    }

    /** Pins one of the producer's products that is on sale today; one at a time (pinning another replaces it). */
    public Mono<LiveEvent> pin(ProducerId producer, UUID event, ProductId product) {
        return transactions.transactional(own(producer, event).flatMap(e -> ownSellable(producer, product)
                .then(rows.pin(event, producer, product))
                .flatMap(pinned -> pinned ? rows.announce(event, "pinned", null, null).then(rows.event(event)) : Mono.error(refused(e, "pin")))));
    }

    /**
     * Opens a flash offer: its whole cap is reserved at the location in the same transaction (the event's own
     * pool), so web and till sales cannot take it; NOT_ENOUGH_STOCK when the location has not that many available.
     */
    public Mono<FlashOffer> open(ProducerId producer, UUID event, OfferTerms terms) {
        UUID id = UUID.randomUUID();
        return transactions.transactional(own(producer, event)
                .filter(LiveEvent::live).switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.INVALID_STATE,
                        "flash offers open only while the event is live")))
                .then(ownSellable(producer, terms.product()))
                .flatMap(product -> {
                    if (terms.flashPrice().dong() >= product.price().dong()) {
                        return Mono.error(new OrdersException(OrdersErrorCode.INVALID_REQUEST, "the flash price must be below the list price ("
                                + product.price().dong() + " đ)"));
                    }
                    FlashOffer offer = new FlashOffer(id, event, terms.product(), product.name(), terms.location(), terms.flashPrice(), product.price(),
                            terms.cap(), terms.cap(), terms.perBuyer(), true, now());
                    return rows.insertOffer(offer)
                            .then(inventory.reserve(Inventory.derivedId(id, "pool"), terms.location(), terms.product(), terms.cap(), "live:" + event, "live"))
                            .then(rows.announce(event, "offer-opened", id, terms.cap()))
                            .thenReturn(offer);
                }))
                .onErrorMap(CatalogException.class, e -> e.code() == CatalogErrorCode.INSUFFICIENT_STOCK
                        ? new OrdersException(OrdersErrorCode.NOT_ENOUGH_STOCK, "that location has fewer than " + terms.cap() + " available")
                        : e)
                .onErrorMap(DuplicateKeyException.class, e -> new OrdersException(OrdersErrorCode.INVALID_STATE,
                        "this product already has an open flash offer in this event: close it first"));
    }

    /** Closes an open offer; closing a closed one changes nothing. */
    public Mono<FlashOffer> close(ProducerId producer, UUID event, UUID offer) {
        return transactions.transactional(own(producer, event)
                .then(rows.offer(offer)).filter(o -> o.event().equals(event))
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "no such flash offer in this event")))
                .flatMap(o -> closeOne(o, "closed"))
                .then(rows.offer(offer)));
    }

    private Mono<Void> closeOne(FlashOffer o, String why) {
        return claims.close(o.id(), now())
                .flatMap(left -> (left > 0 ? inventory.release(Inventory.derivedId(o.id(), "close"), o.location(), o.product(), left,
                        "live:" + o.event(), "live " + why) : Mono.just(true))
                        .then(rows.announce(o.event(), "offer-closed", o.id(), 0)));
    }

    private Mono<LiveEvent> own(ProducerId producer, UUID event) {
        return rows.event(event).filter(e -> e.producer().equals(producer))
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "no live event " + event)));
    }

    private Mono<ProductOffer> ownSellable(ProducerId producer, ProductId product) {
        return stock.offers(List.of(product), catalog.today()).next()
                .filter(p -> p.producer().equals(producer))
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "no product " + product.value() + " of yours")))
                .filter(ProductOffer::sellable)
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.NOT_SELLABLE,
                        "this product is not on sale today (its OCOP ranking is not valid or it is not published)")));
    }

    private static OrdersException refused(LiveEvent e, String action) {
        return new OrdersException(OrdersErrorCode.INVALID_STATE, "cannot " + action + " an event that is " + e.status());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}

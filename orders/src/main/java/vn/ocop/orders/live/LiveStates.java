package vn.ocop.orders.live;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.stock.ProductOffer;
import vn.ocop.catalog.stock.StockReports;
import vn.ocop.orders.FlashOffer;
import vn.ocop.orders.LiveEvent;
import vn.ocop.orders.LiveState;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;

/** Reads what a viewer sees now: the event, its pinned product priced today (and its open flash offer), the open offers. */
@Component
public class LiveStates {

    private final LiveRows rows;
    private final StockReports stock;
    private final Catalog catalog;

    LiveStates(LiveRows rows, StockReports stock, Catalog catalog) {
        this.rows = rows;
        this.stock = stock;
        this.catalog = catalog;
    }

    public Mono<LiveEvent> event(UUID id) {
        return rows.event(id).switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "no live event " + id)));
    }

    public reactor.core.publisher.Flux<LiveEvent> listed(List<vn.ocop.orders.LiveStatus> statuses) {
        return rows.listed(statuses, 100);
    }

    public reactor.core.publisher.Flux<LiveEvent> ofProducer(vn.ocop.catalog.ProducerId producer) {
        return rows.ofProducer(producer);
    }

    public Mono<LiveState> state(UUID id, int viewers) {
        return event(id).flatMap(event -> (event.live() ? rows.openOffers(id).collectList() : Mono.just(List.<FlashOffer>of()))
                .flatMap(offers -> pinned(event, offers).map(p -> new LiveState(event, p, offers, viewers))
                        .defaultIfEmpty(new LiveState(event, null, offers, viewers))));
    }

    /** The pinned product while it is on sale; a product whose ranking lapsed mid-show is not shown. */
    private Mono<LiveState.Pinned> pinned(LiveEvent event, List<FlashOffer> offers) {
        if (event.pinned() == null || !event.live()) {
            return Mono.empty();
        }
        return stock.offers(List.of(event.pinned()), catalog.today()).next()
                .filter(ProductOffer::sellable)
                .map(p -> new LiveState.Pinned(p.product(), p.name(), p.price(),
                        offers.stream().filter(o -> o.product().equals(p.product())).findFirst().orElse(null)));
    }
}

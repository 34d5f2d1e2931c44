package vn.ocop.catalog.stock;

import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the ledger shows: stock per location, a product's history there, where shoppers can collect it, and
 * the discrepancies staff resolve. Callers check who may see which location or producer.
 */
@Service
public class StockReports {

    public static final int HISTORY_LIMIT = 200;

    private final StockQueries stock;
    private final LedgerRows ledger;
    private final Discrepancies discrepancies;

    StockReports(StockQueries stock, LedgerRows ledger, Discrepancies discrepancies) {
        this.stock = stock;
        this.ledger = ledger;
        this.discrepancies = discrepancies;
    }

    public Flux<StockLevel> at(LocationId location, java.time.LocalDate today) {
        return stock.at(location, today);
    }

    /** The producer's goods at every location that keeps them. */
    public Flux<StockLevel> ofProducer(ProducerId producer, java.time.LocalDate today) {
        return stock.ofProducer(producer, today);
    }

    /** Movements at a location, newest first; narrowed to a product and/or to one producer's goods. */
    public Flux<LedgerEntry> history(LocationId location, ProductId product, ProducerId producer) {
        return ledger.history(location, product, producer, HISTORY_LIMIT);
    }

    /**
     * Where shoppers can collect the product now: outlets that allow pickup and have some available, most first.
     * Empty when the product is not on sale today (nothing can be ordered).
     */
    public Flux<PickupPoint> pickupPoints(ProductId product, java.time.LocalDate today) {
        return stock.sellableOn(today, java.util.List.of(product.value()))
                .filter(sellable -> !sellable.isEmpty())
                .flatMapMany(sellable -> stock.pickupPoints(product));
    }

    /** The product's stock at every location that keeps it. */
    public Flux<StockLevel> of(ProductId product, java.time.LocalDate today) {
        return stock.ofProduct(product, today);
    }

    /** Price, sale status, what one location can still promise and shipping weight, of each existing product among {@code ids}. */
    public Flux<ProductOffer> offers(java.util.Collection<ProductId> ids, java.time.LocalDate today) {
        return ids.isEmpty() ? Flux.empty() : stock.offers(ids.stream().map(ProductId::value).toList(), today);
    }

    /** {@link #offers} with each product's stock rows ({@link #of}), read together. */
    public Flux<StockedOffer> stockedOffers(java.util.Collection<ProductId> ids, java.time.LocalDate today) {
        return ids.isEmpty() ? Flux.empty() : stock.stockedOffers(ids.stream().map(ProductId::value).toList(), today);
    }

    /** Open discrepancies first, oldest first; then the latest resolved. */
    public Flux<Discrepancy> discrepancies(LocationId location) {
        return discrepancies.at(location, HISTORY_LIMIT);
    }

    /** Closes an open discrepancy with what was done about it; NOT_FOUND elsewhere, INVALID_STATE when already resolved. */
    public Mono<Discrepancy> resolve(LocationId location, UUID id, String by, String resolution, OffsetDateTime at) {
        if (resolution == null || resolution.isBlank() || resolution.length() > 500) {
            return Mono.error(new CatalogException(CatalogErrorCode.INVALID_STATE, "say in 1 to 500 characters what was done"));
        }
        return discrepancies.get(location, id)
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("discrepancy " + id)))
                .flatMap(d -> discrepancies.resolve(location, id, by, resolution.strip(), at))
                .flatMap(updated -> updated == 1 ? discrepancies.get(location, id) : Mono.error(new CatalogException(
                        CatalogErrorCode.INVALID_STATE, "this discrepancy was resolved already")));
    }
}

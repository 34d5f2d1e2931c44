package vn.ocop.catalog.listings;

import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.CatalogTime;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.producers.ProducerSummary;
import vn.ocop.catalog.rankings.Ranking;
import vn.ocop.catalog.stock.ProductStock;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.rankings.Certifications;
import vn.ocop.catalog.producers.Producers;

/** What shoppers ask of the catalog: only products on sale today, ever. */
@Service
public class Catalog {

    private final ProductListings listings;
    private final Certifications certifications;
    private final Producers producers;
    private final Clock clock;

    Catalog(ProductListings listings, Certifications certifications, Producers producers, Clock clock) {
        this.listings = listings;
        this.certifications = certifications;
        this.producers = producers;
        this.clock = clock;
    }

    /** Today in Asia/Ho_Chi_Minh: the day that decides whether a ranking is valid. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(CatalogTime.ZONE));
    }

    /** Sellable products, five stars first, then by name. */
    public Flux<ProductCard> sellableProducts(ProductQuery query) {
        return listings.sellable(today(), query);
    }

    public Flux<ProductCard> sellableProducts(int offset, int limit) {
        return sellableProducts(ProductQuery.page(offset, limit));
    }

    /** Those of {@code ids} that are on sale today, in the order given (for search results read elsewhere). */
    public Flux<ProductCard> sellableProducts(List<ProductId> ids) {
        return sellableProducts(ids, ProductQuery.page(0, 1));
    }

    /** Those of {@code ids} that are on sale today and pass the query's filters (not its paging), in the order given. */
    public Flux<ProductCard> sellableProducts(List<ProductId> ids, ProductQuery filters) {
        return listings.sellable(today(), ids, filters).collectMap(ProductCard::id)
                .flatMapMany(byId -> Flux.fromIterable(ids).mapNotNull(id -> byId.get(id.value())));
    }

    /** The producer's products on sale today, most stars first, then by name. */
    public Flux<ProductCard> sellableProducts(ProducerId producer) {
        return listings.sellableOf(today(), producer);
    }

    /** Every product on sale today with the moment it last changed, streamed in id order (for sitemaps). */
    public Flux<ProductStamp> sellableProductStamps() {
        return listings.sellableStamps(today());
    }

    public Mono<Long> countSellable(ProductQuery query) {
        return listings.countSellable(today(), query);
    }

    public Mono<Long> countSellable() {
        return countSellable(ProductQuery.page(0, 1));
    }

    public Mono<List<String>> provincesOnSale() {
        return listings.provincesOnSale(today());
    }

    /** A product's page; fails with NOT_FOUND when it is not on sale today, whatever the reason. */
    public Mono<ProductDetails> product(ProductId id) {
        return listings.sellableProduct(id, today())
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("product " + id.value())))
                .flatMap(found -> Mono.zip(
                        producers.find(found.product().producerId()),
                        certifications.ofProduct(id).filter(r -> r.id().equals(found.certification())).next(),
                        listings.imageFiles(id).collectList(),
                        stock(List.of(id)).map(s -> s.getOrDefault(id, ProductStock.NONE)))
                        .map(t -> details(found, t.getT1(), t.getT2(), t.getT3(), t.getT4())));
    }

    /**
     * The stock and units sold of each of these products, by the one definition cards and the product page use
     * (for search results read elsewhere); a product that does not exist is left out.
     */
    public Mono<java.util.Map<ProductId, ProductStock>> stock(java.util.Collection<ProductId> ids) {
        return ids.isEmpty() ? Mono.just(java.util.Map.of()) : listings.stock(ids);
    }

    /** The OCOP group of each of these products, whatever their status (for money already taken for them). */
    public Mono<java.util.Map<ProductId, OcopGroup>> groupsOf(java.util.Collection<ProductId> ids) {
        return ids.isEmpty() ? Mono.just(java.util.Map.of()) : listings.groups(ids);
    }

    /** Any producer, suspended or not (its kind decides the tax withheld for it); NOT_FOUND when there is none. */
    public Mono<ProducerSummary> producer(ProducerId id) {
        return producers.find(id).switchIfEmpty(Mono.error(() -> CatalogException.notFound("producer " + id.value())));
    }

    /** Those of these producers that exist, by name. */
    public Flux<ProducerSummary> producers(java.util.Collection<ProducerId> ids) {
        return ids.isEmpty() ? Flux.empty() : producers.findAll(ids);
    }

    private static ProductDetails details(ProductListings.SellableRow found, ProducerSummary producer, Ranking ranking, List<String> images,
                                          ProductStock stock) {
        var p = found.product();
        return new ProductDetails(p.id(), p.name(), p.description(), p.group(), p.price(), p.salesUnit(), p.demoPrice(),
                p.verificationCode(), producer, ranking, images, stock, found.rating());
    }
}

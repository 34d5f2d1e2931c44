package vn.ocop.catalog;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.product.ProductListings;

/** What the rest of the marketplace asks of the catalog. */
@Service
public class Catalog {

    private final ProductListings listings;
    private final Clock clock;

    Catalog(ProductListings listings, Clock clock) {
        this.listings = listings;
        this.clock = clock;
    }

    /** Today in Asia/Ho_Chi_Minh: the day that decides whether a ranking is valid. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(CatalogClock.ZONE));
    }

    /** Sellable products, five stars first, then by name. */
    public Flux<ProductCard> sellableProducts(int offset, int limit) {
        return listings.sellable(today(), offset, limit);
    }

    public Mono<Long> countSellable() {
        return listings.countSellable(today());
    }
}

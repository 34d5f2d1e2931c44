package vn.ocop.catalog.changes;

import vn.ocop.catalog.ProductId;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The catalog's change outbox, for search: what changed and is not indexed yet, the products as they are
 * now, and a wake-up signal on every commit. Rows are marked, not deleted, when indexed, and purged later.
 */
@Service
public class CatalogChanges {

    private final ChangeFeed feed;
    private final IndexableProducts products;

    CatalogChanges(ChangeFeed feed, IndexableProducts products) {
        this.feed = feed;
        this.products = products;
    }

    /** The oldest changes not yet indexed, at most {@code limit}. */
    public Flux<CatalogChange> pending(int limit) {
        return feed.pending(limit);
    }

    public Mono<Void> markIndexed(Collection<Long> changeIds) {
        return feed.markIndexed(changeIds);
    }

    public Mono<ChangeLag> lag() {
        return feed.lag();
    }

    /** Emits on every committed change (PostgreSQL LISTEN catalog_change); completes if the connection drops. */
    public Flux<ProductId> notifications() {
        return feed.notifications();
    }

    /** Rows indexed longer ago than {@code age} are deleted. */
    public Mono<Long> purgeIndexed(Duration age) {
        return feed.purgeIndexed(age);
    }

    /** The highest change id so far: a reindex replays every change above it that happens meanwhile. */
    public Mono<Long> highWaterMark() {
        return feed.highWaterMark();
    }

    /** Products touched by changes with ids above {@code changeId} (indexed or not). */
    public Flux<ProductId> changedSince(long changeId) {
        return feed.changedSince(changeId);
    }

    public Flux<IndexableProduct> products(Collection<ProductId> ids) {
        return products.find(ids);
    }

    /** Every product in id order, a page at a time: {@code after} is the last id of the previous page or null. */
    public Mono<List<IndexableProduct>> allProducts(ProductId after, int limit) {
        return products.page(after, limit);
    }
}

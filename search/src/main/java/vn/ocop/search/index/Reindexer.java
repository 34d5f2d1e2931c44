package vn.ocop.search.index;

import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.changes.CatalogChanges;
import vn.ocop.catalog.changes.IndexableProduct;

/**
 * Rebuilds the index with no downtime: a new versioned index is filled from PostgreSQL while queries and
 * the indexer keep using the old one through the alias, then the alias moves in one step. Changes made
 * meanwhile are replayed into the new index afterwards (external versions keep the newest).
 */
@Component
public class Reindexer {

    private static final int PAGE = 1000;

    private final CatalogChanges changes;
    private final ProductIndex index;

    Reindexer(CatalogChanges changes, ProductIndex index) {
        this.changes = changes;
        this.index = index;
    }

    /** Emits the new index's name once the alias points at it and the changes made meanwhile are in. */
    public Mono<String> reindex() {
        return changes.highWaterMark().flatMap(mark -> index.rebuild(allProducts())
                .flatMap(fresh -> changes.changedSince(mark).collectList()
                        .flatMap(ids -> changes.products(ids).map(Reindexer::versioned).collectList())
                        .flatMap(index::write)
                        .thenReturn(fresh)));
    }

    private Flux<List<ProductIndex.Versioned>> allProducts() {
        return pages().map(page -> page.stream().map(Reindexer::versioned).toList());
    }

    /** Every product in PostgreSQL, a page at a time. */
    private Flux<List<IndexableProduct>> pages() {
        return changes.allProducts(null, PAGE)
                .expand(page -> page.size() < PAGE ? Mono.empty() : changes.allProducts(page.get(page.size() - 1).id(), PAGE));
    }

    static ProductIndex.Versioned versioned(IndexableProduct p) {
        return new ProductIndex.Versioned(ProductDocument.of(p), p.version());
    }

    /** Every product id with its version, from PostgreSQL, for the consistency check. */
    Flux<IndexableProduct> databaseProducts() {
        return pages().flatMapIterable(page -> page);
    }

}

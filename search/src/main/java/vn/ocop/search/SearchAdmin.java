package vn.ocop.search;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.changes.CatalogChanges;
import vn.ocop.catalog.changes.ChangeLag;
import vn.ocop.search.index.ConsistencyCheck;
import vn.ocop.search.index.Reindexer;

/** Running the index: rebuild it with no downtime, compare it with PostgreSQL, see how far behind it is. */
@Service
public class SearchAdmin {

    private final Reindexer reindexer;
    private final ConsistencyCheck consistency;
    private final CatalogChanges changes;

    SearchAdmin(Reindexer reindexer, ConsistencyCheck consistency, CatalogChanges changes) {
        this.reindexer = reindexer;
        this.consistency = consistency;
        this.changes = changes;
    }

    /** Builds a new index, swaps the alias, emits the new index's name. */
    public Mono<String> reindex() {
        return reindexer.reindex();
    }

    public Mono<ConsistencyReport> checkConsistency() {
        return consistency.run();
    }

    public Mono<ChangeLag> lag() {
        return changes.lag();
    }
}

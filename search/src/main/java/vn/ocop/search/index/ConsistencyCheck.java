package vn.ocop.search.index;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.changes.IndexableProduct;
import vn.ocop.search.ConsistencyReport;

/** Compares PostgreSQL and the index product by product and reports any drift. */
@Component
public class ConsistencyCheck {

    private final Reindexer reindexer;
    private final ProductIndex index;

    ConsistencyCheck(Reindexer reindexer, ProductIndex index) {
        this.reindexer = reindexer;
        this.index = index;
    }

    public Mono<ConsistencyReport> run() {
        return Mono.zip(reindexer.databaseProducts().collectMap(p -> p.id().value().toString(), IndexableProduct::version), index.versions())
                .map(t -> compare(t.getT1(), t.getT2()));
    }

    static ConsistencyReport compare(Map<String, Long> db, Map<String, Long> es) {
        List<String> missing = db.keySet().stream().filter(id -> !es.containsKey(id)).sorted().toList();
        List<String> stale = db.entrySet().stream().filter(e -> es.containsKey(e.getKey()) && es.get(e.getKey()) < e.getValue())
                .map(Map.Entry::getKey).sorted().collect(Collectors.toList());
        List<String> extra = es.keySet().stream().filter(id -> !db.containsKey(id)).sorted().toList();
        return new ConsistencyReport(db.size(), es.size(), missing, stale, extra);
    }
}

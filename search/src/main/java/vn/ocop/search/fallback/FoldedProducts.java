package vn.ocop.search.fallback;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.IndexableProduct;
import vn.ocop.catalog.ProductId;
import vn.ocop.search.TextFolding;

/** The search_folded table: each product's folded name and producer, written by the indexer before Elasticsearch. */
@Repository
public class FoldedProducts {

    private final DatabaseClient db;

    FoldedProducts(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Keeps the newest version of each product's folded text (an older write changes nothing). One statement for the
     * whole batch: a statement per product cost a round trip each, most of a drain's time.
     */
    public Mono<Void> upsert(List<IndexableProduct> products) {
        Map<UUID, IndexableProduct> newest = new LinkedHashMap<>(); // one row per product: ON CONFLICT cannot touch a row twice
        products.forEach(p -> newest.merge(p.id().value(), p, (a, b) -> a.version() >= b.version() ? a : b));
        if (newest.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into search_folded (product_id, version, folded)
                        select * from unnest(cast(:ids as uuid[]), cast(:versions as bigint[]), cast(:folded as text[]))
                        on conflict (product_id) do update set version = excluded.version, folded = excluded.folded
                        where search_folded.version <= excluded.version""")
                .bind("ids", newest.keySet().toArray(UUID[]::new))
                .bind("versions", newest.values().stream().map(IndexableProduct::version).toArray(Long[]::new))
                .bind("folded", newest.values().stream().map(p -> TextFolding.fold(p.name() + " " + p.producerName())).toArray(String[]::new))
                .then();
    }

    /** Products whose folded name or producer contains every word of the query, best matches first. */
    public Flux<ProductId> matching(String query, int limit) {
        String folded = TextFolding.fold(query).trim();
        List<String> words = Arrays.stream(folded.split("\\s+")).filter(w -> !w.isBlank()).toList();
        if (words.isEmpty()) {
            return Flux.empty();
        }
        StringBuilder where = new StringBuilder("true");
        for (int i = 0; i < words.size(); i++) {
            where.append(" and folded like :w").append(i);
        }
        var spec = db.sql("select product_id from search_folded where " + where
                        + " order by similarity(folded, :q) desc, product_id limit :limit")
                .bind("q", folded)
                .bind("limit", limit);
        for (int i = 0; i < words.size(); i++) {
            spec = spec.bind("w" + i, "%" + words.get(i).replace("%", "").replace("_", "") + "%");
        }
        return spec.map((row, md) -> new ProductId(row.get("product_id", UUID.class))).all();
    }
}

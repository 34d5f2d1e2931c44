package vn.ocop.search.fallback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.Folding;
import vn.ocop.catalog.changes.IndexableProduct;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Synonyms;
import vn.ocop.search.TextFolding;

/** The search_folded table: each product's folded name and producer, written by the indexer before Elasticsearch. */
@Repository
public class FoldedProducts {

    private final DatabaseClient db;
    private final Synonyms synonyms;

    FoldedProducts(DatabaseClient db, Synonyms synonyms) {
        this.db = db;
        this.synonyms = synonyms;
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

    /** Products whose folded name or producer contains every word of the query (or a synonym of it), best matches first. */
    public Flux<ProductId> matching(String query, int limit) {
        String folded = TextFolding.fold(query).trim();
        List<String> words = Folding.words(query);
        if (words.isEmpty()) {
            return Flux.empty();
        }
        List<List<String>> options = new ArrayList<>();
        StringBuilder where = new StringBuilder("true");
        for (int i = 0; i < words.size(); i++) {
            List<String> these = new ArrayList<>();
            these.add(TextFolding.fold(words.get(i)));
            synonyms.alternatives(List.of(words.get(i))).forEach(t -> these.add(t.folded()));
            where.append(" and (");
            for (int j = 0; j < these.size(); j++) {
                where.append(j == 0 ? "" : " or ").append("folded like :w").append(i).append('_').append(j);
            }
            where.append(')');
            options.add(these);
        }
        var spec = db.sql("select product_id from search_folded where " + where
                        + " order by similarity(folded, :q) desc, product_id limit :limit")
                .bind("q", folded)
                .bind("limit", limit);
        for (int i = 0; i < options.size(); i++) {
            for (int j = 0; j < options.get(i).size(); j++) {
                spec = spec.bind("w" + i + "_" + j, "%" + options.get(i).get(j).replace("%", "").replace("_", "") + "%");
            }
        }
        return spec.map((row, md) -> new ProductId(row.get("product_id", UUID.class))).all();
    }
}

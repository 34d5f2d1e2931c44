package vn.ocop.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Pages through the whole index with search_after, reading only ids and versions. */
final class IndexScan {

    private static final int PAGE = 5000;

    private final ElasticsearchAsyncClient es;
    private final String index;

    IndexScan(ElasticsearchAsyncClient es, String index) {
        this.es = es;
        this.index = index;
    }

    Mono<Map<String, Long>> versions() {
        return page(List.of(), new HashMap<>());
    }

    private Mono<Map<String, Long>> page(List<FieldValue> after, Map<String, Long> seen) {
        return Mono.fromFuture(() -> es.search(s -> {
                    s.index(index).size(PAGE).source(src -> src.fetch(false)).version(true)
                            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                    return after.isEmpty() ? s : s.searchAfter(after);
                }, Void.class))
                .flatMap(r -> {
                    r.hits().hits().forEach(h -> seen.put(h.id(), h.version()));
                    return r.hits().hits().size() < PAGE ? Mono.just(seen) : page(last(r), seen);
                });
    }

    private static List<FieldValue> last(SearchResponse<Void> r) {
        return r.hits().hits().get(r.hits().hits().size() - 1).sort();
    }
}

package vn.ocop.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.search.SearchSettings;

/**
 * The alias that every query and write goes through, over a versioned index ({@code products-v<millis>-<random>}).
 * Writes carry the product's change id as an external version, so a late write never overwrites a newer one.
 */
@Component
public class ProductIndex {

    private static final Logger log = LoggerFactory.getLogger(ProductIndex.class);

    /** A document and the version it carries. */
    public record Versioned(ProductDocument document, long version) {
    }

    private final ElasticsearchAsyncClient es;
    private final String alias;
    private final Clock clock;
    private static final String META_MAPPING = "mapping";

    private final String mapping = readMapping();
    private final String refreshInterval = refreshIntervalOf(mapping);
    private final String mappingVersion = mappingVersionOf(mapping);

    ProductIndex(ElasticsearchAsyncClient es, SearchSettings settings, Clock clock) {
        this.es = es;
        this.alias = settings.index();
        this.clock = clock;
    }

    public String alias() {
        return alias;
    }

    /** Creates a first versioned index behind the alias unless the alias exists. */
    public Mono<Void> ensureExists() {
        return Mono.fromFuture(() -> es.indices().existsAlias(a -> a.name(alias)))
                .flatMap(exists -> exists.value() ? Mono.empty()
                        : createIndex().flatMap(index -> Mono.fromFuture(() -> es.indices().putAlias(a -> a.index(index).name(alias))).then()));
    }

    /**
     * Whether the index behind the alias has this version's mapping ({@code _meta.mapping} in products-index.json,
     * changed with every change of fields): the mapping is strict, so an older index refuses the new fields' writes.
     */
    public Mono<Boolean> hasCurrentMapping() {
        return Mono.fromFuture(() -> es.indices().getMapping(g -> g.index(alias)))
                .map(r -> r.mappings().values().stream().allMatch(m -> m.mappings().meta() != null
                        && m.mappings().meta().containsKey(META_MAPPING)
                        && mappingVersion.equals(m.mappings().meta().get(META_MAPPING).to(String.class))));
    }

    /** Writes the documents through the alias; a version conflict means a newer version is there already. */
    public Mono<Integer> write(List<Versioned> docs) {
        return write(docs, true);
    }

    /** @param visible wait until they are searchable; without, they are within the refresh interval or at {@link #refresh()} */
    Mono<Integer> write(List<Versioned> docs, boolean visible) {
        return write(alias, docs, visible);
    }

    /** Makes everything written so far searchable. */
    Mono<Void> refresh() {
        return refresh(alias);
    }

    private Mono<Void> refresh(String target) {
        return Mono.fromFuture(() -> es.indices().refresh(r -> r.index(target))).then();
    }

    /** @param visible wait until the documents are searchable (incremental writes: "indexed" means "found") */
    Mono<Integer> write(String target, List<Versioned> docs, boolean visible) {
        if (docs.isEmpty()) {
            return Mono.just(0);
        }
        List<BulkOperation> ops = docs.stream().map(d -> BulkOperation.of(o -> o.index(i -> i
                .id(d.document().id()).document(d.document()).version(d.version()).versionType(VersionType.External)))).toList();
        return Mono.fromFuture(() -> es.bulk(b -> b.index(target).operations(ops).refresh(visible ? Refresh.WaitFor : Refresh.False)))
                .flatMap(response -> {
                    List<BulkResponseItem> failed = response.items().stream()
                            .filter(i -> i.error() != null && i.status() != 409).toList();
                    if (!failed.isEmpty()) {
                        return Mono.error(new IllegalStateException("bulk index failed for " + failed.size() + " documents: " + failed.get(0).error().reason()));
                    }
                    // a conflict: another drain (another instance, or one started by hand) wrote that version first and
                    // may still be waiting for its refresh, which this bulk's wait_for does not cover when none of its
                    // own writes succeeded; "indexed" must still mean "found"
                    boolean conflicted = response.items().stream().anyMatch(i -> i.status() == 409);
                    return visible && conflicted ? refresh(target).thenReturn(docs.size()) : Mono.just(docs.size());
                });
    }

    /**
     * Builds a new index from {@code all}, points the alias at it in one step, and drops the old ones. The new index
     * serves no query until the swap, so it is filled with refresh off (no small segments to merge, no refresh per
     * second), two bulks in flight, then gets its refresh interval back and one refresh before the alias moves.
     */
    public Mono<String> rebuild(Flux<List<Versioned>> all) {
        return createIndex().flatMap(fresh -> refreshInterval(fresh, "-1")
                .thenMany(all.flatMap(batch -> write(fresh, batch, false), 2))
                .then(refreshInterval(fresh, refreshInterval))
                .then(Mono.fromFuture(() -> es.indices().refresh(r -> r.index(fresh)))) // searchable before the alias moves
                .then(swapTo(fresh)).thenReturn(fresh));
    }

    private Mono<Void> refreshInterval(String index, String interval) {
        return Mono.fromFuture(() -> es.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time(interval))))).then();
    }

    private Mono<Void> swapTo(String fresh) {
        return Mono.fromFuture(() -> es.indices().getAlias(a -> a.name(alias)))
                .map(r -> List.copyOf(r.aliases().keySet()))
                .onErrorResume(e -> Mono.just(List.of()))
                .flatMap(old -> Mono.fromFuture(() -> es.indices().updateAliases(u -> {
                            old.forEach(o -> u.actions(a -> a.remove(r -> r.index(o).alias(alias))));
                            return u.actions(a -> a.add(ad -> ad.index(fresh).alias(alias)));
                        }))
                        .then(Flux.fromIterable(old).concatMap(o -> Mono.fromFuture(() -> es.indices().delete(d -> d.index(o)))).then())
                        .doOnSuccess(v -> log.info("Search alias {} now points at {} (was {})", alias, fresh, old)));
    }

    private Mono<String> createIndex() {
        // a random tail: two rebuilds started in one millisecond (or under a fixed test clock) must not ask for the same name
        String name = alias + "-v" + clock.millis() + "-" + Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 30), 36);
        return Mono.fromFuture(() -> es.indices().create(c -> c.index(name).withJson(new StringReader(mapping)))).thenReturn(name);
    }

    /** Read once at start-up: reading the classpath on an event loop would block it. */
    private static String readMapping() {
        try (InputStream in = ProductIndex.class.getResourceAsStream("products-index.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index mapping", e);
        }
    }

    /** The live index's refresh interval, as products-index.json sets it (what "indexed" to "found" costs at most). */
    private static String mappingVersionOf(String mapping) {
        try {
            String version = new ObjectMapper().readTree(mapping).path("mappings").path("_meta").path(META_MAPPING).asText("");
            if (version.isEmpty()) {
                throw new IllegalStateException("products-index.json has no mappings._meta." + META_MAPPING);
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index mapping", e);
        }
    }

    private static String refreshIntervalOf(String mapping) {
        try {
            return new ObjectMapper().readTree(mapping).path("settings").path("refresh_interval").asText("1s");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index settings", e);
        }
    }

    /** Ids and versions of everything in the index, for the consistency check. */
    public Mono<Map<String, Long>> versions() {
        return new IndexScan(es, alias).versions();
    }
}

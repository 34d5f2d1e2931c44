package vn.ocop.search.index;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import vn.ocop.catalog.changes.CatalogChange;
import vn.ocop.catalog.changes.CatalogChanges;
import vn.ocop.catalog.ProductId;
import vn.ocop.search.fallback.FoldedProducts;

/**
 * Keeps the index in step with PostgreSQL: drains the catalog's change outbox in bulk, woken by
 * NOTIFY catalog_change and by a poll. The PostgreSQL fallback table is written first; outbox rows are
 * marked only once Elasticsearch took the batch, so while it is down they wait and nothing is lost.
 * It runs from the context's start to its stop, as a lifecycle bean: a {@code @Scheduled} Flux would hold a
 * scheduler thread for the life of the app and keep the shutdown waiting for it until the phase timeout.
 */
@Component
@ConditionalOnProperty(name = "ocop.search.indexer.enabled", havingValue = "true", matchIfMissing = true)
public class Indexer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Indexer.class);
    /** Outbox rows per bulk; a backlog (a producer's import, a bulk price change) drains in few, large requests. */
    static final int BATCH = 2000;
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration LISTEN_AGAIN = Duration.ofSeconds(2);

    private final CatalogChanges changes;
    private final ProductIndex index;
    private final FoldedProducts folded;
    private final Reindexer reindexer;
    private final AtomicBoolean listenFailing = new AtomicBoolean();
    /** Done once the index behind the alias exists with this version's mapping (or that could not be checked). */
    private final Sinks.Empty<Void> ready = Sinks.empty();
    private volatile Disposable running;

    Indexer(CatalogChanges changes, ProductIndex index, FoldedProducts folded, Reindexer reindexer) {
        this.changes = changes;
        this.index = index;
        this.folded = folded;
        this.reindexer = reindexer;
    }

    /**
     * Subscribed here, once, for the life of the context (the one place that owns this subscription): listens
     * again two seconds after the LISTEN connection ended or could not be opened (the database restarted).
     */
    @Override
    public void start() {
        running = Flux.defer(this::keepInStep)
                .onErrorResume(this::listenAgainLater)
                .repeatWhen(ended -> ended.delayElements(LISTEN_AGAIN))
                .subscribe();
    }

    /** Cancels the drain and closes the LISTEN connection; a batch cut short is indexed again at the next start. */
    @Override
    public void stop() {
        Disposable r = running;
        if (r != null) {
            r.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable r = running;
        return r != null && !r.isDisposed();
    }

    /** One WARN when listening fails, not one every two seconds while the database is down. */
    private Flux<Integer> listenAgainLater(Throwable e) {
        if (listenFailing.compareAndSet(false, true)) {
            log.warn("Search indexer cannot listen for catalog changes, trying every {} s: {}", LISTEN_AGAIN.toSeconds(), e.toString());
        }
        return Flux.empty();
    }

    Flux<Integer> keepInStep() {
        Flux<Boolean> wakeUps = Flux.merge(changes.notifications().map(n -> true), Flux.interval(POLL).map(t -> true))
                .startWith(true)
                .onBackpressureLatest();
        return index.ensureExists().then(upgradeMapping()).onErrorResume(e -> Mono.empty())
                .then(Mono.fromRunnable(ready::tryEmitEmpty))
                .thenMany(wakeUps.concatMap(w -> drainAll().doOnNext(n -> listenFailing.set(false)).onErrorResume(this::waitForNextWakeUp), 1));
    }

    /**
     * After an upgrade that changed the index's fields, the index behind the alias is rebuilt from PostgreSQL before
     * the outbox is drained: its strict mapping would refuse every write that carries a new field, and changes would
     * wait in the outbox until someone reindexed by hand.
     */
    Mono<Void> upgradeMapping() {
        return index.hasCurrentMapping().flatMap(current -> current ? Mono.<Void>empty()
                : Mono.fromRunnable(() -> log.info("Search index has an older mapping than this version's: rebuilding it from PostgreSQL"))
                        .then(reindexer.reindex())
                        .doOnNext(fresh -> log.info("Search index rebuilt as {}", fresh))
                        .then());
    }

    private Mono<Integer> waitForNextWakeUp(Throwable e) {
        log.warn("Search index not updated, changes wait in the outbox: {}", e.toString());
        return Mono.just(0);
    }

    /**
     * Drains every pending change, a batch at a time; emits how many changes were indexed. Only the last batch of a
     * drain waits until its documents are searchable (which makes the earlier ones searchable too): waiting for a
     * refresh after every full batch of a backlog cost up to the refresh interval each time.
     */
    public Mono<Integer> drainAll() {
        // a drain started before the alias exists (a caller other than the indexer's own loop, just after start-up)
        // would have Elasticsearch create an index of that name with guessed field types
        Mono<Void> indexReady = Mono.defer(() -> running == null ? Mono.empty() : ready.asMono());
        return indexReady.then(Mono.defer(() -> drainBatch(false).expand(n -> n == BATCH ? drainBatch(true) : Mono.empty()).reduce(0, Integer::sum)));
    }

    /** @param afterFullBatch the previous batch was written without waiting: if nothing follows it, make it searchable now */
    private Mono<Integer> drainBatch(boolean afterFullBatch) {
        return changes.pending(BATCH).collectList().flatMap(batch -> {
            if (batch.isEmpty()) {
                return afterFullBatch ? index.refresh().thenReturn(0) : Mono.just(0);
            }
            return index(batch, batch.size() < BATCH);
        });
    }

    private Mono<Integer> index(List<CatalogChange> batch, boolean last) {
        Set<ProductId> ids = batch.stream().map(CatalogChange::product).collect(Collectors.toSet());
        return changes.products(ids).collectList()
                .flatMap(products -> folded.upsert(products)
                        .then(index.write(products.stream().map(p -> new ProductIndex.Versioned(ProductDocument.of(p), p.version())).toList(), last)))
                .then(changes.markIndexed(batch.stream().map(CatalogChange::id).toList()))
                .thenReturn(batch.size());
    }
}

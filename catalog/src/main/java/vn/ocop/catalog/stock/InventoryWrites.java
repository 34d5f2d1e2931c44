package vn.ocop.catalog.stock;

import vn.ocop.catalog.locations.LocationRows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.locations.Location;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.StockLedger.Outcome;
import vn.ocop.catalog.stock.StockLedger.Recorder;

/** The checks and transactions around movements recorded by people: who may record what, where. */
@Service
class InventoryWrites {

    private final StockLedger ledger;
    private final LocationRows locations;
    private final StockQueries queries;
    private final TransactionalOperator transactions;
    private final Clock clock;

    InventoryWrites(StockLedger ledger, LocationRows locations, StockQueries queries, TransactionalOperator transactions, Clock clock) {
        this.ledger = ledger;
        this.locations = locations;
        this.queries = queries;
        this.transactions = transactions;
        this.clock = clock;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public Mono<Location> location(LocationId id) {
        return locations.get(id).switchIfEmpty(Mono.error(() -> CatalogException.notFound("location " + id.value())));
    }

    /** The producer's own warehouse; anyone else's location is NOT_FOUND. */
    public Mono<Location> ownWarehouse(ProducerId producer, LocationId id) {
        return locations.get(id)
                .filter(l -> l.kind() == LocationKind.WAREHOUSE && producer.equals(l.producer()))
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("warehouse " + id.value())));
    }

    /** Receipts and counts of existing products whose producer {@code allowed} accepts; all or nothing. */
    public Mono<List<Outcome>> record(Location at, List<Movement> movements, String by, Predicate<UUID> allowed) {
        if (movements.isEmpty() || movements.stream().anyMatch(m -> m.type() != MovementType.RECEIPT && m.type() != MovementType.COUNT)) {
            return Mono.error(new CatalogException(CatalogErrorCode.INVALID_MOVEMENT, "record one or more receipts and counts here"));
        }
        List<UUID> products = movements.stream().map(m -> m.product().value()).distinct().toList();
        return queries.producersOf(products)
                .filter(owners -> owners.size() == products.size() && owners.values().stream().allMatch(allowed)
                        && (at.kind() != LocationKind.WAREHOUSE || owners.values().stream().allMatch(at.producer().value()::equals)))
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("product")))
                .flatMap(owners -> transactions.transactional(ledger.addAll(at.id(), movements, new Recorder(by, null))))
                .retryWhen(Transient.RETRY);
    }

    public Mono<RecordedMovement> transfer(ProducerId producer, UUID transferId, LocationId from, LocationId to, ProductId product,
                                   int quantity, LotRef lot, String by) {
        OffsetDateTime at = now();
        Movement unnamed = new Movement(transferId, MovementType.TRANSFER_OUT, product, quantity, null, null, at, transferId.toString(), null);
        // the TRANSFER_IN names no lot: the trigger moves the lots the out leg took
        Movement out = lot == null ? unnamed : unnamed.ofLot(LotRef.named(lot.code()));
        Movement in = new Movement(MovementIds.derived(transferId, "in"), MovementType.TRANSFER_IN, product, quantity,
                null, null, at, transferId.toString(), null);
        Recorder recorder = new Recorder(by, null);
        if (from.equals(to)) {
            return Mono.error(new CatalogException(CatalogErrorCode.INVALID_MOVEMENT, "a transfer goes to another location"));
        }
        return ownWarehouse(producer, from)
                .zipWith(destination(producer, to))
                .flatMap(places -> queries.producersOf(List.of(product.value()))
                        .filter(owners -> producer.value().equals(owners.get(product.value())))
                        .switchIfEmpty(Mono.error(() -> CatalogException.notFound("product " + product.value())))
                        .then(transactions.transactional(ledger.guarded(from, out, recorder)
                                .flatMap(applied -> ledger.addAll(to, List.of(in), recorder)
                                        .map(arrived -> new RecordedMovement(transferId, applied, arrived.get(0).onHandAfter()))))))
                .retryWhen(Transient.RETRY);
    }

    /** A guarded movement in the caller's transaction (or one of its own). */
    public Mono<Boolean> guarded(LocationId location, Movement movement, Recorder recorder) {
        return ledger.guarded(location, movement, recorder);
    }

    /** Goods go to an outlet or to another of the producer's own warehouses, never to someone else's. */
    private Mono<Location> destination(ProducerId producer, LocationId to) {
        return location(to).filter(l -> l.kind() != LocationKind.WAREHOUSE || producer.equals(l.producer()))
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("location " + to.value())));
    }
}

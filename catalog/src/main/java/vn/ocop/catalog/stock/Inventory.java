package vn.ocop.catalog.stock;

import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.locations.Location;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.stock.StockLedger.Outcome;

/**
 * Everything that changes stock, each through the ledger: producers' receipts, counts and transfers at their
 * warehouses, staff's at their location, tills' offline batches, and the reservations of online orders and
 * live offers. Every movement id is applied at most once, so any call may be retried with the same ids.
 */
@Service
public class Inventory {

    private final InventoryWrites writes;
    private final TillSync tills;
    private final TransactionalOperator transactions;
    private final SalesCounter sales;

    Inventory(InventoryWrites writes, TillSync tills, TransactionalOperator transactions, SalesCounter sales) {
        this.writes = writes;
        this.tills = tills;
        this.transactions = transactions;
        this.sales = sales;
    }

    /** Receipts and counts at one of the producer's own warehouses, of its own products (NOT_FOUND otherwise). */
    public Mono<List<RecordedMovement>> recordAtWarehouse(ProducerId producer, LocationId warehouse, List<Movement> movements, String by) {
        return writes.ownWarehouse(producer, warehouse)
                .flatMap(w -> writes.record(w, movements, by, product -> producer.value().equals(product)))
                .map(Inventory::recorded);
    }

    /** Receipts and counts at a staff member's own location; any producer's goods (a showroom sells on consignment). */
    public Mono<List<RecordedMovement>> recordAtLocation(LocationId location, List<Movement> movements, String by) {
        return writes.location(location)
                .flatMap(l -> writes.record(l, movements, by, product -> true))
                .map(Inventory::recorded);
    }

    /**
     * Sends goods from the producer's warehouse to an outlet (or another of its warehouses): TRANSFER_OUT there
     * and TRANSFER_IN at the destination in one transaction; refused with INSUFFICIENT_STOCK when the
     * warehouse does not have them available. The transfer id makes a retry harmless. The answer's
     * {@code onHandAfter} is the destination's.
     */
    public Mono<RecordedMovement> transfer(ProducerId producer, UUID transferId, LocationId from, LocationId to, ProductId product,
                                   int quantity, String by) {
        return writes.transfer(producer, transferId, from, to, product, quantity, null, by);
    }

    /**
     * As {@link #transfer(ProducerId, UUID, LocationId, LocationId, ProductId, int, String)}, of one named lot (null:
     * the earliest use-by first); the units arrive as the same lot. NOT_FOUND when the product has no such lot,
     * INSUFFICIENT_STOCK when the warehouse has fewer of it available.
     */
    public Mono<RecordedMovement> transfer(ProducerId producer, UUID transferId, LocationId from, LocationId to, ProductId product,
                                   int quantity, LotRef lot, String by) {
        return writes.transfer(producer, transferId, from, to, product, quantity, lot, by);
    }

    /** Applies a till's batch (see {@link SyncAnswer}); BATCH_TOO_LARGE over {@link #maxSyncBatch()} movements, writing nothing. */
    public Mono<SyncAnswer> sync(SyncBatch batch) {
        return writes.location(batch.location()).flatMap(location -> tills.sync(location, batch));
    }

    /** As {@link #sync(SyncBatch)}, at the location read with the till's key ({@link TillKeys#authenticate}). */
    public Mono<SyncAnswer> sync(Location at, SyncBatch batch) {
        if (!at.id().equals(batch.location())) {
            return Mono.error(new IllegalArgumentException("the batch is for location " + batch.location().value() + ", not " + at.id().value()));
        }
        return tills.sync(at, batch);
    }

    public int maxSyncBatch() {
        return tills.maxBatch();
    }

    /**
     * Sets {@code quantity} aside for {@code reference} with one conditional update: INSUFFICIENT_STOCK when that
     * many are not available. Joins the caller's transaction, so an order's lines reserve all or nothing.
     * Answers false when this movement id was applied before.
     */
    public Mono<Boolean> reserve(UUID movementId, LocationId location, ProductId product, int quantity, String reference, String by) {
        return guarded(MovementType.RESERVE, movementId, location, product, quantity, reference, by);
    }

    /** Gives reserved units back to what is available (an order cancelled, a claim lapsed, an offer closed). */
    public Mono<Boolean> release(UUID movementId, LocationId location, ProductId product, int quantity, String reference, String by) {
        return guarded(MovementType.RELEASE, movementId, location, product, quantity, reference, by);
    }

    /** Reserved units leave the location (handed over at pickup, or shipped). */
    public Mono<Boolean> fulfil(UUID movementId, LocationId location, ProductId product, int quantity, String reference, String by) {
        return guarded(MovementType.FULFIL, movementId, location, product, quantity, reference, by);
    }

    private Mono<Boolean> guarded(MovementType type, UUID movementId, LocationId location, ProductId product, int quantity,
                                  String reference, String by) {
        Movement movement = new Movement(movementId, type, product, quantity, null, null, writes.now(), reference, null);
        return transactions.transactional(writes.guarded(location, movement, new StockLedger.Recorder(by, null)));
    }

    /**
     * Counts {@code quantity} units of the product as sold online (an order line that became COMPLETED) in the units
     * shoppers see ("Đã bán 12"); tills' sales count by themselves. Joins the caller's transaction; the same
     * {@code saleId} again counts nothing (answers false).
     */
    public Mono<Boolean> countSold(UUID saleId, ProductId product, int quantity) {
        if (quantity < 1) {
            return Mono.error(new CatalogException(CatalogErrorCode.INVALID_MOVEMENT, "a sale is of 1 unit or more"));
        }
        return transactions.transactional(sales.countOnline(saleId, product, quantity));
    }

    /** A movement id derived from another, for the second leg of a pair: {@link MovementIds#derived}, named here for callers. */
    public static UUID derivedId(UUID id, String leg) {
        return MovementIds.derived(id, leg);
    }

    private static List<RecordedMovement> recorded(List<Outcome> outcomes) {
        return outcomes.stream().map(o -> new RecordedMovement(o.movement().id(), o.applied(), o.onHandAfter())).toList();
    }
}

package vn.ocop.catalog.lots;

import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.LotId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.rankings.CouncilScope;
import java.time.LocalDate;
import java.util.Map;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lots: which batches of a product are where, which are near or past their use-by date, and each lot's path from
 * its producer to its buyers. Lots come into being on the receipt that first names them (see {@link vn.ocop.catalog.stock.Inventory});
 * which lots a movement moves is decided with the movement (earliest use-by first). Callers check who may see what.
 */
@Service
public class Lots {

    /** How far ahead "expiring" looks: the producers' and staff's list of lots to sell first or pull. */
    public static final int EXPIRING_WITHIN_DAYS = 30;

    private final LotRows rows;
    private final LotRecalls recalls;
    private final TransactionalOperator transactions;
    private final Clock clock;

    Lots(LotRows rows, LotRecalls recalls, TransactionalOperator transactions, Clock clock) {
        this.rows = rows;
        this.recalls = recalls;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The producer recalls one of its own lots (anyone else's is NOT_FOUND) with its reason (1 to 500 characters,
     * INVALID_RECALL otherwise): the lot leaves sale everywhere at once, its reservations move to the product's other
     * usable lots where they cover them ({@link Recall}). Recalling again changes nothing and answers the same.
     */
    public Mono<Recall> recallAsProducer(ProducerId producer, LotId lot, String reason, String by) {
        return Mono.fromSupplier(() -> Recall.reason(reason))
                .flatMap(r -> recalls.ownedBy(producer, lot)
                        .switchIfEmpty(Mono.error(() -> CatalogException.notFound("lot " + lot.value())))
                        .flatMap(product -> recall(lot, product, r, by)));
    }

    /** As {@link #recallAsProducer}, by a council, of any lot of a product whose producer is in its scope (NOT_FOUND otherwise). */
    public Mono<Recall> recallAsCouncil(CouncilScope scope, LotId lot, String reason, String by) {
        return Mono.fromSupplier(() -> Recall.reason(reason))
                .flatMap(r -> recalls.inScope(scope, lot)
                        .switchIfEmpty(Mono.error(() -> CatalogException.notFound("lot " + lot.value())))
                        .flatMap(product -> recall(lot, product, r, by)));
    }

    /** One of the producer's own lots; empty for anyone else's. */
    public Mono<Lot> own(ProducerId producer, LotId lot) {
        return recalls.ownedBy(producer, lot).flatMap(product -> rows.get(lot));
    }

    /** A lot of a product whose producer is in the council's scope; empty otherwise. */
    public Mono<Lot> inScope(CouncilScope scope, LotId lot) {
        return recalls.inScope(scope, lot).flatMap(product -> rows.get(lot));
    }

    /**
     * What the lot's recall did: the recall's answer, asked again. (Of a lot not recalled, its reservations show as not
     * moved: ask it of recalled lots.)
     */
    public Mono<Recall> recallOf(LotId lot) {
        return rows.get(lot).flatMap(l -> recalls.holdings(lot, l.product()).map(h -> new Recall(l, h)));
    }

    private Mono<Recall> recall(LotId lot, ProductId product, String reason, String by) {
        return transactions.transactional(recalls.recall(lot, product, reason, by, OffsetDateTime.now(clock)))
                .then(recallOf(lot));
    }

    /** Every lot held at the location (on hand or reserved), by product, earliest use-by first. */
    public Flux<LotStock> at(LocationId location) {
        return rows.at(location);
    }

    /** The producer's lots at every location that holds them. */
    public Flux<LotStock> ofProducer(ProducerId producer) {
        return rows.ofProducer(producer);
    }

    /** Lots on hand at the location whose use-by date is within 30 days or past, soonest first. */
    public Flux<LotStock> expiringAt(LocationId location) {
        return rows.expiringAt(location, EXPIRING_WITHIN_DAYS);
    }

    /** The producer's lots on hand anywhere whose use-by date is within 30 days or past, soonest first. */
    public Flux<LotStock> expiringOf(ProducerId producer) {
        return rows.expiringOf(producer, EXPIRING_WITHIN_DAYS);
    }

    /**
     * The use-by date of what a shopper would get now ("HSD từ 12/2027"): the earliest among the product's usable lots
     * with units available, anywhere; empty when none of them has a use-by date.
     */
    public Mono<LocalDate> useByFrom(ProductId product) {
        return rows.useByAt(product).flatMap(at -> Mono.justOrEmpty(at.values().stream().min(LocalDate::compareTo)));
    }

    /** The same per location (a pickup outlet's "HSD từ"): locations whose available lots have no use-by date are left out. */
    public Mono<Map<LocationId, LocalDate>> useByAt(ProductId product) {
        return rows.useByAt(product);
    }

    /**
     * Re-indexes every product holding units of a lot whose use-by date was yesterday (Asia/Ho_Chi_Minh): at midnight
     * they stopped being available without a write. Run once a day by {@link UseByReindexSchedule} (harmless to repeat);
     * answers how many.
     */
    public Mono<Integer> reindexExpiredYesterday() {
        return rows.notifyExpiredYesterday();
    }

    /** The product's lot with that code (codes are upper case; any case finds it); empty when there is none. */
    public Mono<Lot> find(ProductId product, String code) {
        return rows.find(product, code);
    }

    public Mono<Lot> get(LotId id) {
        return rows.get(id);
    }

    /** Every lot of the product, newest first. */
    public Flux<Lot> ofProduct(ProductId product) {
        return rows.ofProduct(product);
    }

    /** Every lot of the producer's products, sold out and recalled ones too, newest first. */
    public Flux<Lot> everyOf(ProducerId producer) {
        return rows.everyOf(producer);
    }

    /** The lot's path through the ledger, oldest step first. */
    public Flux<LotStep> path(LotId lot) {
        return rows.path(lot);
    }
}

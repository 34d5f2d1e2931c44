package vn.ocop.catalog;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.lot.LotRows;

/**
 * Lots: which batches of a product are where, which are near or past their use-by date, and each lot's path from
 * its producer to its buyers. Lots come into being on the receipt that first names them (see {@link Inventory});
 * which lots a movement moves is decided with the movement (earliest use-by first). Callers check who may see what.
 */
@Service
public class Lots {

    /** How far ahead "expiring" looks: the producers' and staff's list of lots to sell first or pull. */
    public static final int EXPIRING_WITHIN_DAYS = 30;

    private final LotRows rows;

    Lots(LotRows rows) {
        this.rows = rows;
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

    /** The lot's path through the ledger, oldest step first. */
    public Flux<LotStep> path(LotId lot) {
        return rows.path(lot);
    }
}

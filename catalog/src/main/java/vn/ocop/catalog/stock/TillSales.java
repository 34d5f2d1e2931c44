package vn.ocop.catalog.stock;

import java.time.OffsetDateTime;
import java.util.Collection;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * Sales rung up at tills, with the price each was taken at, for whoever keeps the money (the orders module's
 * ledger): by movement id (right after a sync batch) or by the time they were applied (to catch up on any that
 * were missed). Reading them changes nothing, so either may be asked any number of times.
 */
@Service
public class TillSales {

    /** The most sales one call answers. */
    public static final int MAX_PAGE = 1000;

    private final SaleRows rows;

    TillSales(SaleRows rows) {
        this.rows = rows;
    }

    /** The applied sales among these movement ids (anything else, or an unknown id, is left out). */
    public Flux<TillSale> of(Collection<java.util.UUID> movementIds) {
        return movementIds.isEmpty() ? Flux.empty() : rows.byIds(movementIds);
    }

    /** Sales applied at or after {@code since}, oldest first, at most {@code limit} (1 to {@value #MAX_PAGE}). */
    public Flux<TillSale> appliedSince(OffsetDateTime since, int limit) {
        return rows.appliedSince(since, Math.max(1, Math.min(MAX_PAGE, limit)));
    }
}

package vn.ocop.orders;

import java.util.List;
import vn.ocop.catalog.lots.Recall;

/** A recall as the catalog did it (the lot, its reservations moved or not, who received it) and what it meant for each order. */
public record LotRecallOutcome(Recall recall, List<RecallNotice> orders) {
    public LotRecallOutcome {
        orders = List.copyOf(orders);
    }
}

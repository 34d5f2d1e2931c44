package vn.ocop.orders;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.ocop.orders.shipping.RateTableRows;

/**
 * The shipping rate table that ADMIN keeps (the caller checks the role): read it, and replace it whole. A table
 * with overlapping or missing bands is refused with every wrong field named ({@link InvalidRateTable}) and
 * nothing is saved. Quotes go through {@link ShippingRates}, which a carrier's API may implement instead.
 */
@Service
public class Shipping {

    private final RateTableRows rows;
    private final TransactionalOperator transactions;
    private final Clock clock;

    Shipping(RateTableRows rows, TransactionalOperator transactions, Clock clock) {
        this.rows = rows;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<RateTable> table() {
        return rows.read();
    }

    /** Who last changed the table, and when (empty while it holds the starting rates). */
    public Mono<RateTableChange> lastChange() {
        return rows.lastChange();
    }

    public Mono<RateTable> replace(RateTable table, String by) {
        var problems = table.problems();
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRateTable(problems));
        }
        return transactions.transactional(rows.replace(table, by, OffsetDateTime.now(clock))).then(rows.read());
    }
}

package vn.ocop.orders.money;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogTime;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.Holder;
import vn.ocop.orders.InvalidMoneyRequest;
import vn.ocop.orders.MoneyEvent;
import vn.ocop.orders.MoneyKind;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.PayoutOrder;

/**
 * Records payouts. In one transaction the producer's ledger lock is taken exclusively (no sale or refund is recorded
 * for it meanwhile), what the payer owes it is computed from the ledger, and the payout is refused with MORE_THAN_OWED
 * when it is more, unless the order says that is meant; then it is appended. The same payout id again answers the
 * payout recorded the first time and writes nothing.
 */
@Component
public class Payouts {

    /** The earliest day a payout may be dated: the marketplace did not exist before. */
    static final LocalDate EARLIEST = LocalDate.of(2025, 1, 1);

    private final MoneyRows ledger;
    private final Statements statements;
    private final TransactionalOperator transactions;
    private final Parties parties;

    Payouts(MoneyRows ledger, Statements statements, TransactionalOperator transactions, Parties parties) {
        this.ledger = ledger;
        this.statements = statements;
        this.transactions = transactions;
        this.parties = parties;
    }

    /** Records the payout to the producer (who must exist: NOT_FOUND otherwise); see the class comment. */
    public Mono<MoneyEvent> pay(ProducerId producer, PayoutOrder order, String by) {
        LocalDate today = parties.today();
        if (order.paidOn().isAfter(today) || order.paidOn().isBefore(EARLIEST)) {
            return Mono.error(InvalidMoneyRequest.of("paidOn", "a payout is dated from " + EARLIEST + " to today, not " + order.paidOn()));
        }
        MoneyEvent payout = event(producer, order);
        Mono<LocationKind> payer = order.fromOutlet() == null ? Mono.just(LocationKind.SHOWROOM)
                : parties.location(order.fromOutlet()).map(l -> l.kind()).onErrorResume(e -> Mono.empty());
        return parties.producer(producer).then(payer)
                .filter(kind -> kind != LocationKind.WAREHOUSE)
                .switchIfEmpty(Mono.error(() -> InvalidMoneyRequest.of("fromLocationId", "a payout is made by the marketplace or by an outlet")))
                .then(transactions.transactional(ledger.lockExclusively(producer)
                        .then(ledger.byId(payout.id()))
                        .flatMap(earlier -> earlier.producer().equals(producer) ? Mono.just(earlier)
                                : Mono.<MoneyEvent>error(InvalidMoneyRequest.of("id", "this payout id was used for another producer")))
                        .switchIfEmpty(Mono.defer(() -> checked(producer, order).then(ledger.append(List.of(payout), by)).then(ledger.byId(payout.id()))))));
    }

    private Mono<Void> checked(ProducerId producer, PayoutOrder order) {
        if (order.beyondOwed()) {
            return Mono.empty();
        }
        return statements.owedBy(producer, order.payer())
                .filter(owed -> order.amount() > owed)
                .flatMap(owed -> Mono.error(new OrdersException(OrdersErrorCode.MORE_THAN_OWED, (order.payer().kind() == Holder.Kind.MARKETPLACE
                        ? "the marketplace owes this producer " : "this outlet owes this producer ") + Math.max(0, owed)
                        + " đồng, less than the " + order.amount() + " to pay out: say so explicitly to pay more")));
    }

    /** Dated at the start of its day: statements count whole days, and a payout is never in the future. */
    private static MoneyEvent event(ProducerId producer, PayoutOrder order) {
        OffsetDateTime at = order.paidOn().atStartOfDay(CatalogTime.ZONE).toOffsetDateTime();
        return new MoneyEvent(MoneyIds.of(MoneyKind.PAYOUT + ":" + order.id()), MoneyKind.PAYOUT, producer, null, null, null, null, null, null,
                null, null, new Vnd(order.amount()), order.payer(), order.paidOn(), at, order.bankReference(), order.id().toString());
    }
}

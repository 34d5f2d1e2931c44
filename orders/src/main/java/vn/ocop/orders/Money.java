package vn.ocop.orders;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.stock.TillSale;
import vn.ocop.orders.money.LedgerRefunds;
import vn.ocop.orders.money.Payouts;
import vn.ocop.orders.money.Statements;
import vn.ocop.orders.money.TillMoney;

/**
 * The money ledger and what is read from it (README, "Money"). Every money event is recorded once under an id
 * derived from its source: card payments, cash collected on delivery and at pickup as orders move (in the move's
 * transaction, see {@code lifecycle.Moves}), card refunds where the refund is made, till sales after each sync batch
 * and by a catch-up job, payouts as ADMIN records them. Statements, balances and tax files are computed from the
 * rows each time, with the commission and tax rates in force on each sale's day.
 */
@Service
public class Money {

    private final Statements statements;
    private final Payouts payouts;
    private final TillMoney tills;
    private final LedgerRefunds refunds;

    Money(Statements statements, Payouts payouts, TillMoney tills, LedgerRefunds refunds) {
        this.statements = statements;
        this.payouts = payouts;
        this.tills = tills;
        this.refunds = refunds;
    }

    /** The producer's statement for the days {@code from} to {@code to}, Asia/Ho_Chi_Minh (at most 366 days; 400 otherwise). */
    public Mono<Statement> statement(ProducerId producer, LocalDate from, LocalDate to) {
        return statements.statement(producer, from, to);
    }

    /** The producer's statement for the last {@code weeks} weeks, Monday to today (the dashboard's chart). */
    public Mono<Statement> recentWeeks(ProducerId producer, int weeks) {
        LocalDate today = statements.today();
        return statements.statement(producer, today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                .minusWeeks(Math.max(0, weeks - 1)), today);
    }

    /** What the marketplace withheld for a household producer in that month, for filing. */
    public Mono<TaxWithheld> taxWithheld(ProducerId producer, YearMonth month) {
        return statements.taxWithheld(producer, month);
    }

    /** Every producer with money in the ledger, and what the marketplace owes each now. */
    public Mono<List<ProducerBalance>> balances() {
        return statements.owedToEveryProducer();
    }

    /** Records a payout (ADMIN); MORE_THAN_OWED unless it is within what the payer owes or says it is meant; the same id again changes nothing. */
    public Mono<MoneyEvent> pay(ProducerId producer, PayoutOrder order, String by) {
        return payouts.pay(producer, order, by);
    }

    /** A paid card order was refunded in full by Stripe refund {@code refundId}: each parcel's payment given back, once per refund. */
    public Mono<Long> cardRefunded(OrderId order, String refundId, OffsetDateTime at) {
        return refunds.wholeCardOrder(order, refundId, at);
    }

    /**
     * Money given back for part of a parcel's sale (a complaint): by whoever holds it (CARD_REFUNDED for a card sale,
     * REFUND for cash), priced on the sale's day; MORE_THAN_PAID beyond what the sale took less earlier refunds,
     * INVALID_STATE when nothing was paid for it. The same {@code source} again records nothing more.
     */
    public Mono<MoneyEvent> refunded(PartRefund refund, String by) {
        return refunds.refund(refund, by);
    }

    /**
     * A complaint's refund of {@code goods} of one line: given back from its parcel's sale of the line's OCOP group, by
     * whoever holds that money (see {@link #refunded}); the same {@code source} again records nothing more.
     */
    public Mono<MoneyEvent> refundedLine(OrderId order, java.util.UUID fulfilment, vn.ocop.catalog.ProductId product, vn.ocop.catalog.Vnd goods,
                                         String source, OffsetDateTime at, String by) {
        return refunds.line(order, fulfilment, product, goods, source, at, by);
    }

    /** A cancelled parcel's shipping fee given back, from the sale that carried it; the same {@code source} again records nothing more. */
    public Mono<MoneyEvent> refundedShipping(OrderId order, java.util.UUID fulfilment, vn.ocop.catalog.Vnd shipping, String source,
                                            OffsetDateTime at, String by) {
        return refunds.shipping(order, fulfilment, shipping, source, at, by);
    }

    /** Records the till sales among these movements, read by id from the stock ledger; answers how many were new. */
    public Mono<Long> tillSalesSynced(Collection<UUID> movementIds) {
        return tills.record(movementIds);
    }

    /**
     * Records the sales a sync batch just applied, as its answer carries them ({@code SyncAnswer.sales}): the same rows as
     * {@link #tillSalesSynced} without reading them again; answers how many were new.
     */
    public Mono<Long> tillSalesApplied(List<TillSale> sales) {
        return tills.recordApplied(sales);
    }

    /** Records every till sale applied since the last catch-up (less a margin); answers how many were new. */
    public Mono<Long> catchUpTillSales() {
        return tills.catchUp();
    }
}

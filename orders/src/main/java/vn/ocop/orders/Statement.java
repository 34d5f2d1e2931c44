package vn.ocop.orders;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;

/**
 * A producer's statement for the days {@code from} to {@code to} (Asia/Ho_Chi_Minh), computed from the money ledger
 * each time it is asked for, never stored: what was sold, where and through which channel, what the marketplace's
 * commission, the outlets' consignment share and the tax withheld took, what the producer is owed, who holds the
 * money and so who owes whom, and each counterparty's balance at the start and the end of the period. Amounts are
 * whole đồng; a refund counts against the period it was given back in.
 */
public record Statement(ProducerId producer, String producerName, boolean household, LocalDate from, LocalDate to, Totals totals,
                        List<Line> lines, List<Balance> balances, List<PayoutLine> payouts, List<Week> weeks, List<Entry> entries) {

    public Statement {
        lines = List.copyOf(lines);
        entries = List.copyOf(entries);
        balances = List.copyOf(balances);
        payouts = List.copyOf(payouts);
        weeks = List.copyOf(weeks);
    }

    /**
     * The period's sums. {@code share} is what the sales (less refunds) leave the producer: its net owed.
     * {@code heldByProducer} is what it collected itself (cash on delivery, its own till), {@code paidOut} what it was
     * paid out; so {@code share = heldByProducer + paidOut + }the change of every balance.
     */
    public record Totals(long collected, long refunded, long commission, long consignment, long vat, long pit, long share,
                         long heldByProducer, long paidOut) {

        public long taxWithheld() {
            return vat + pit;
        }

        /** Money collected = owed to the producer + commission + consignment share + tax withheld + refunds, to the đồng. */
        public boolean adds() {
            return collected == share + commission + consignment + taxWithheld() + refunded;
        }
    }

    /** Sales of one channel at one location whose money one holder took. {@code tax} is VAT and PIT withheld. */
    public record Line(SalesChannel channel, LocationId location, String locationName, Holder holder, String holderName, long sales,
                       long refunds, long commission, long consignment, long tax, long share) {
    }

    /** What a counterparty owes the producer (below zero: what the producer owes it), at the start and end of the period. */
    public record Balance(Holder holder, String name, long opening, long closing) {

        public long change() {
            return closing - opening;
        }

        /** True when the producer owes this counterparty (commission on cash it collected itself). */
        public boolean producerOwes() {
            return closing < 0;
        }
    }

    public record PayoutLine(UUID id, LocalDate paidOn, Holder payer, String payerName, long amount, String bankReference) {
    }

    /**
     * One ledger row of the period as the statement prices it, in the order things happened; amounts below zero for a
     * refund. A payout has only its amount (in {@code amount}) and no share.
     */
    public record Entry(OffsetDateTime at, MoneyKind kind, SalesChannel channel, String locationName, Holder holder, String holderName,
                        String reference, long amount, long commission, long consignment, long vat, long pit, long share) {
    }

    /** One week (Monday to Sunday) of sales, for the chart; the first and last weeks may reach outside the period. */
    public record Week(LocalDate monday, long sales) {
    }

    /** The marketplace's balance: what it owes the producer (cards less commission and tax, less payouts). */
    public Balance marketplace() {
        return balances.stream().filter(b -> b.holder().kind() == Holder.Kind.MARKETPLACE).findFirst()
                .orElse(new Balance(Holder.MARKETPLACE, "", 0, 0));
    }

    /** The largest week's sales (at least 1), for scaling the chart's bars. */
    public long busiestWeek() {
        return Math.max(1, weeks.stream().mapToLong(Week::sales).max().orElse(0));
    }

    /** A week's sales as a percentage of the busiest week's (at least 2 when it sold anything, so a bar shows). */
    public long percentOfBusiest(Week week) {
        return week.sales() <= 0 ? 0 : Math.max(2, week.sales() * 100 / busiestWeek());
    }
}

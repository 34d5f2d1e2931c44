package vn.ocop.orders.money;

import vn.ocop.orders.Holder;
import vn.ocop.orders.MoneyEvent;
import vn.ocop.orders.MoneyKind;
import vn.ocop.orders.Percent;

/**
 * How one ledger row divides its money, the one definition every statement, balance and tax file uses. Of a sale's
 * amount: the marketplace's commission (online sales: its group's rate of the goods), the outlet's consignment share
 * (till sales at an outlet: its rate of the goods), the tax withheld (a household business's sales whose money the
 * marketplace holds: VAT and PIT rates of the whole amount, shipping included as part of the goods' price) and the
 * producer's share, the rest. Rates are those in force on the row's {@code pricedOn} day; each part is rounded half
 * up to the whole đồng ({@link Percent#of(long)}). A refund has the same parts with the opposite sign, so a refund of a
 * whole sale gives back exactly what it took.
 */
record Pricing(MoneyEvent event, long amount, long commission, long consignment, long vat, long pit, long share,
               Percent vatRate, Percent pitRate) {

    static Pricing of(MoneyEvent e, RateBook rates, TaxSettings tax, boolean household) {
        int sign = e.kind().sign();
        if (e.kind() == MoneyKind.PAYOUT) {
            return new Pricing(e, 0, 0, 0, 0, 0, 0, Percent.ZERO, Percent.ZERO);
        }
        long goods = e.goods().dong();
        long commission = e.channel().online() ? rates.online(e.group(), e.pricedOn()).of(goods) : 0;
        long consignment = !e.channel().online() && e.holder().kind() == Holder.Kind.SHOWROOM
                ? rates.consignment(e.holder().location(), e.pricedOn()).of(goods) : 0;
        TaxSettings.Rates taxRates = household && e.holder().kind() == Holder.Kind.MARKETPLACE ? tax.on(e.pricedOn())
                : new TaxSettings.Rates(Percent.ZERO, Percent.ZERO, null);
        long amount = e.amount().dong();
        long vat = taxRates.vat().of(amount);
        long pit = taxRates.pit().of(amount);
        long share = amount - commission - consignment - vat - pit;
        return new Pricing(e, sign * amount, sign * commission, sign * consignment, sign * vat, sign * pit, sign * share,
                taxRates.vat(), taxRates.pit());
    }

    /**
     * What this row changes in what {@code party} owes the producer (below zero: what the producer owes it): the money
     * the party holds less its own part (the marketplace's is its commission and the tax it pays over, an outlet's its
     * consignment share). A payout is the payer handing money over, so it owes that much less.
     */
    long owedBy(Holder party) {
        if (event.kind() == MoneyKind.PAYOUT) {
            return party.equals(event.holder()) ? -event.amount().dong() : 0;
        }
        long held = party.equals(event.holder()) ? amount : 0;
        long own = switch (party.kind()) {
            case MARKETPLACE -> commission + vat + pit;
            case SHOWROOM -> party.equals(event.holder()) ? consignment : 0;
            case PRODUCER -> share;
        };
        return held - own;
    }

    /** What the producer itself took in (cash it collected, money paid out to it). */
    long heldByProducer() {
        if (event.kind() == MoneyKind.PAYOUT) {
            return event.amount().dong();
        }
        return event.holder().kind() == Holder.Kind.PRODUCER ? amount : 0;
    }
}

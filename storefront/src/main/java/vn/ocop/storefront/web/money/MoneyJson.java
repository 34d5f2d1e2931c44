package vn.ocop.storefront.web.money;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import vn.ocop.orders.CommissionRate;
import vn.ocop.orders.Holder;
import vn.ocop.orders.MoneyEvent;
import vn.ocop.orders.ProducerBalance;
import vn.ocop.orders.SalesChannel;
import vn.ocop.orders.Statement;
import vn.ocop.orders.TaxWithheld;

/** What the money API answers: statements, tax files, balances, payouts and commission rates, amounts in whole đồng. */
final class MoneyJson {

    private MoneyJson() {
    }

    @Schema(description = "Who holds money or pays it: MARKETPLACE, PRODUCER, or SHOWROOM (any outlet) with its location")
    record HolderJson(Holder.Kind kind, UUID locationId, String name) {
        static HolderJson of(Holder h, String name) {
            return new HolderJson(h.kind(), h.location() == null ? null : h.location().value(), name == null || name.isEmpty() ? null : name);
        }
    }

    record ProducerJson(UUID id, String name, boolean householdBusiness) {
    }

    record TotalsJson(long collectedVnd, long refundedVnd, long commissionVnd, long consignmentVnd, long vatVnd, long pitVnd,
                      long taxWithheldVnd, @Schema(description = "What the period's sales, less refunds, commission, consignment and tax, leave the producer")
                      long netOwedVnd, long heldByProducerVnd, long paidOutVnd) {
        static TotalsJson of(Statement.Totals t) {
            return new TotalsJson(t.collected(), t.refunded(), t.commission(), t.consignment(), t.vat(), t.pit(), t.taxWithheld(), t.share(),
                    t.heldByProducer(), t.paidOut());
        }
    }

    record LineJson(SalesChannel channel, UUID locationId, String locationName, HolderJson holder, long salesVnd, long refundsVnd,
                    long commissionVnd, long consignmentVnd, long taxWithheldVnd, long netVnd) {
        static LineJson of(Statement.Line l) {
            return new LineJson(l.channel(), l.location() == null ? null : l.location().value(), l.locationName(), HolderJson.of(l.holder(), l.holderName()),
                    l.sales(), l.refunds(), l.commission(), l.consignment(), l.tax(), l.share());
        }
    }

    @Schema(description = "What a counterparty owes the producer at the start and end of the period; below zero, what the producer owes it")
    record BalanceJson(HolderJson counterparty, long openingVnd, long closingVnd, long changeVnd,
                       @Schema(allowableValues = {"OWES_PRODUCER", "PRODUCER_OWES", "SETTLED"}) String closingDirection) {
        static BalanceJson of(Statement.Balance b) {
            String direction = b.closing() > 0 ? "OWES_PRODUCER" : b.closing() < 0 ? "PRODUCER_OWES" : "SETTLED";
            return new BalanceJson(HolderJson.of(b.holder(), b.name()), b.opening(), b.closing(), b.change(), direction);
        }
    }

    record PayoutLineJson(UUID id, LocalDate paidOn, HolderJson payer, long amountVnd, String bankReference) {
    }

    record WeekJson(LocalDate monday, long salesVnd) {
    }

    record StatementJson(ProducerJson producer, LocalDate from, LocalDate to, TotalsJson totals, List<LineJson> lines, List<BalanceJson> balances,
                         List<PayoutLineJson> payouts, List<WeekJson> weeks) {
        static StatementJson of(Statement s) {
            return new StatementJson(new ProducerJson(s.producer().value(), s.producerName(), s.household()), s.from(), s.to(), TotalsJson.of(s.totals()),
                    s.lines().stream().map(LineJson::of).toList(), s.balances().stream().map(BalanceJson::of).toList(),
                    s.payouts().stream().map(p -> new PayoutLineJson(p.id(), p.paidOn(), HolderJson.of(p.payer(), p.payerName()), p.amount(),
                            p.bankReference())).toList(),
                    s.weeks().stream().map(w -> new WeekJson(w.monday(), w.sales())).toList());
        }
    }

    record TaxLineJson(LocalDate day, UUID eventId, String kind, String reference, long amountVnd, String vatPercent, long vatVnd,
                       String pitPercent, long pitVnd) {
    }

    record TaxWithheldJson(ProducerJson producer, YearMonth month, long amountVnd, long vatVnd, long pitVnd, List<TaxLineJson> lines) {
        static TaxWithheldJson of(TaxWithheld t, boolean household) {
            return new TaxWithheldJson(new ProducerJson(t.producer().value(), t.producerName(), household), t.month(), t.amount(), t.vat(), t.pit(),
                    t.lines().stream().map(l -> new TaxLineJson(l.day(), l.event(), l.kind().name(), l.reference(), l.amount(), l.vatRate().toString(),
                            l.vat(), l.pitRate().toString(), l.pit())).toList());
        }
    }

    record PayoutJson(UUID id, UUID producerId, long amountVnd, LocalDate paidOn, HolderJson payer, String bankReference, OffsetDateTime recordedFor) {
        static PayoutJson of(MoneyEvent e) {
            return new PayoutJson(UUID.fromString(e.source()), e.producer().value(), e.amount().dong(), e.pricedOn(), HolderJson.of(e.holder(), null),
                    e.reference(), e.occurredAt());
        }
    }

    record ProducerBalanceJson(UUID id, String name, String kind, long marketplaceOwesVnd) {
        static ProducerBalanceJson of(ProducerBalance b) {
            return new ProducerBalanceJson(b.producer().id().value(), b.producer().name(), b.producer().kind(), b.marketplaceOwes());
        }
    }

    record CommissionRateJson(UUID id, CommissionRate.Scope scope, String group, UUID locationId, String percent, LocalDate effectiveFrom,
                              String setBy, OffsetDateTime setAt) {
        static CommissionRateJson of(CommissionRate r) {
            return new CommissionRateJson(r.id(), r.scope(), r.group() == null ? null : r.group().name(), r.location() == null ? null : r.location().value(),
                    r.percent().toString(), r.effectiveFrom(), r.setBy(), r.setAt());
        }
    }

    record CommissionRatesJson(List<CommissionRateJson> inForce, List<CommissionRateJson> history) {
    }
}

package vn.ocop.orders.money;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.ocop.catalog.CatalogTime;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.producers.ProducerSummary;
import vn.ocop.orders.Holder;
import vn.ocop.orders.MoneyKind;
import vn.ocop.orders.SalesChannel;
import vn.ocop.orders.Statement;

/**
 * Makes a statement from a producer's ledger rows up to the period's end: each row priced ({@link Pricing}), the
 * period's rows summed by channel, location and holder, and every counterparty's balance summed over all rows before
 * the period (opening) and before its end (closing). Nothing is stored; asking again gives the same answer.
 */
final class StatementMaker {

    static final String HOUSEHOLD = "HOUSEHOLD";

    private final RateBook rates;
    private final TaxSettings tax;
    private final Map<LocationId, String> names;

    StatementMaker(RateBook rates, TaxSettings tax, Map<LocationId, String> names) {
        this.rates = rates;
        this.tax = tax;
        this.names = names;
    }

    /** Whether the marketplace withholds tax for this producer: a household business (Decree 117/2025/NĐ-CP). */
    static boolean household(ProducerSummary producer) {
        return HOUSEHOLD.equals(producer.kind());
    }

    List<Pricing> priced(ProducerSummary producer, List<vn.ocop.orders.MoneyEvent> events) {
        boolean household = household(producer);
        return events.stream().map(e -> Pricing.of(e, rates, tax, household)).toList();
    }

    Statement make(ProducerSummary producer, List<vn.ocop.orders.MoneyEvent> events, LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(CatalogTime.ZONE).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(CatalogTime.ZONE).toOffsetDateTime();
        List<Pricing> all = priced(producer, events.stream().filter(e -> e.occurredAt().isBefore(end)).toList());
        List<Pricing> period = all.stream().filter(p -> !p.event().occurredAt().isBefore(start)).toList();
        return new Statement(producer.id(), producer.name(), household(producer), from, to, totals(period), lines(period),
                balances(all, start), payouts(period), weeks(period, from, to), entries(period));
    }

    private static Statement.Totals totals(List<Pricing> period) {
        long collected = 0, refunded = 0, commission = 0, consignment = 0, vat = 0, pit = 0, share = 0, held = 0, paidOut = 0;
        for (Pricing p : period) {
            MoneyKind kind = p.event().kind();
            collected += kind.sale() ? p.amount() : 0;
            refunded -= kind.refund() ? p.amount() : 0;
            commission += p.commission();
            consignment += p.consignment();
            vat += p.vat();
            pit += p.pit();
            share += p.share();
            held += kind == MoneyKind.PAYOUT ? 0 : p.heldByProducer();
            paidOut += kind == MoneyKind.PAYOUT ? p.heldByProducer() : 0;
        }
        return new Statement.Totals(collected, refunded, commission, consignment, vat, pit, share, held, paidOut);
    }

    private List<Statement.Line> lines(List<Pricing> period) {
        record Key(SalesChannel channel, LocationId location, Holder holder) {
        }
        Map<Key, long[]> sums = new LinkedHashMap<>();
        for (Pricing p : period) {
            if (p.event().kind() == MoneyKind.PAYOUT) {
                continue;
            }
            long[] s = sums.computeIfAbsent(new Key(p.event().channel(), p.event().location(), p.event().holder()), k -> new long[6]);
            s[0] += p.event().kind().sale() ? p.amount() : 0;
            s[1] -= p.event().kind().refund() ? p.amount() : 0;
            s[2] += p.commission();
            s[3] += p.consignment();
            s[4] += p.vat() + p.pit();
            s[5] += p.share();
        }
        return sums.entrySet().stream()
                .map(e -> new Statement.Line(e.getKey().channel(), e.getKey().location(), name(e.getKey().location()), e.getKey().holder(),
                        holderName(e.getKey().holder()), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4],
                        e.getValue()[5]))
                .sorted(Comparator.comparing(Statement.Line::channel).thenComparing(Statement.Line::locationName)
                        .thenComparing(l -> l.holder().kind()))
                .toList();
    }

    private List<Statement.Balance> balances(List<Pricing> all, OffsetDateTime start) {
        Set<Holder> parties = new LinkedHashSet<>();
        parties.add(Holder.MARKETPLACE);
        all.stream().map(p -> p.event().holder()).filter(h -> h.kind() == Holder.Kind.SHOWROOM)
                .sorted(Comparator.comparing(this::holderName)).forEach(parties::add);
        List<Statement.Balance> balances = new ArrayList<>();
        for (Holder party : parties) {
            long opening = all.stream().filter(p -> p.event().occurredAt().isBefore(start)).mapToLong(p -> p.owedBy(party)).sum();
            long closing = all.stream().mapToLong(p -> p.owedBy(party)).sum();
            balances.add(new Statement.Balance(party, holderName(party), opening, closing));
        }
        return balances;
    }

    private List<Statement.PayoutLine> payouts(List<Pricing> period) {
        return period.stream().filter(p -> p.event().kind() == MoneyKind.PAYOUT)
                .map(p -> new Statement.PayoutLine(p.event().id(), p.event().pricedOn(), p.event().holder(), holderName(p.event().holder()),
                        p.event().amount().dong(), p.event().reference()))
                .toList();
    }

    private List<Statement.Entry> entries(List<Pricing> period) {
        return period.stream().map(p -> {
            vn.ocop.orders.MoneyEvent e = p.event();
            long amount = e.kind() == MoneyKind.PAYOUT ? e.amount().dong() : p.amount();
            return new Statement.Entry(e.occurredAt(), e.kind(), e.channel(), name(e.location()), e.holder(), holderName(e.holder()), e.reference(),
                    amount, p.commission(), p.consignment(), p.vat(), p.pit(), p.share());
        }).toList();
    }

    private static List<Statement.Week> weeks(List<Pricing> period, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> sales = new LinkedHashMap<>();
        for (LocalDate monday = monday(from); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            sales.put(monday, 0L);
        }
        period.stream().filter(p -> p.event().kind().sale())
                .forEach(p -> sales.merge(monday(p.event().occurredAt().atZoneSameInstant(CatalogTime.ZONE).toLocalDate()), p.amount(), Long::sum));
        return sales.entrySet().stream().map(e -> new Statement.Week(e.getKey(), e.getValue())).toList();
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private String name(LocationId location) {
        return location == null ? "" : Objects.requireNonNullElse(names.get(location), location.value().toString());
    }

    private String holderName(Holder holder) {
        return holder.kind() == Holder.Kind.SHOWROOM ? name(holder.location()) : "";
    }
}

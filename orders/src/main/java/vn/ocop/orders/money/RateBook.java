package vn.ocop.orders.money;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.orders.CommissionRate;
import vn.ocop.orders.Percent;

/**
 * The commission rates in force on any day: for a group (online) or an outlet (consignment), the row with the
 * latest {@code effectiveFrom} on or before the day, and of several set for the same day the one set last. Before
 * any row, the rate is 0.
 */
public final class RateBook {

    private static final Comparator<CommissionRate> LATEST = Comparator.comparing(CommissionRate::effectiveFrom)
            .thenComparing(CommissionRate::setAt).thenComparing(CommissionRate::id);

    private final List<CommissionRate> rates;

    public RateBook(List<CommissionRate> rates) {
        this.rates = List.copyOf(rates);
    }

    /** The marketplace's percentage of an online sale of that group on that day. */
    public Percent online(OcopGroup group, LocalDate day) {
        return inForce(CommissionRate.Scope.ONLINE, r -> r.group() == group, day);
    }

    /** The outlet's consignment percentage of its tills' sales on that day. */
    public Percent consignment(LocationId outlet, LocalDate day) {
        return inForce(CommissionRate.Scope.CONSIGNMENT, r -> Objects.equals(r.location(), outlet), day);
    }

    /** The row in force on that day for each group and outlet that has one, online rates first. */
    public List<CommissionRate> inForce(LocalDate day) {
        return rates.stream().filter(r -> !r.effectiveFrom().isAfter(day))
                .collect(java.util.stream.Collectors.toMap(r -> r.scope() + ":" + r.group() + ":" + r.location(), r -> r,
                        java.util.function.BinaryOperator.maxBy(LATEST)))
                .values().stream()
                .sorted(Comparator.comparing(CommissionRate::scope).thenComparing(r -> r.group() == null ? "" : r.group().name())
                        .thenComparing(r -> r.location() == null ? "" : r.location().value().toString()))
                .toList();
    }

    private Percent inForce(CommissionRate.Scope scope, java.util.function.Predicate<CommissionRate> key, LocalDate day) {
        return rates.stream()
                .filter(r -> r.scope() == scope && key.test(r) && !r.effectiveFrom().isAfter(day))
                .max(LATEST)
                .map(CommissionRate::percent)
                .orElse(Percent.ZERO);
    }
}

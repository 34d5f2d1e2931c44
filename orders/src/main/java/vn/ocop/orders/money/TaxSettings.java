package vn.ocop.orders.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.ocop.orders.Percent;

/**
 * The tax the marketplace withholds for household businesses on the payments it collects for them
 * ({@code ocop.money.tax.household-goods[i].*}, defaults in {@code ocop-money-tax.properties} with their source):
 * periods from a day, each with its VAT and PIT percentages for goods. A change of law is a new period, never an
 * edit of an old one, so statements of past days keep their rates.
 */
@ConfigurationProperties("ocop.money.tax")
public record TaxSettings(List<Period> householdGoods) {

    public TaxSettings {
        householdGoods = householdGoods == null ? List.of() : householdGoods.stream().sorted(Comparator.comparing(Period::from)).toList();
    }

    /** From {@code from} on: {@code vatPercent} and {@code pitPercent} of each payment; {@code source} names the law. */
    public record Period(LocalDate from, BigDecimal vatPercent, BigDecimal pitPercent, String source) {
        public Period {
            Objects.requireNonNull(from, "ocop.money.tax.household-goods[].from");
            Percent.of(Objects.requireNonNull(vatPercent, "vat-percent"));
            Percent.of(Objects.requireNonNull(pitPercent, "pit-percent"));
        }
    }

    /** The rates in force on that day: VAT and PIT; none (0 and 0) before the first period. */
    public Rates on(LocalDate day) {
        return householdGoods.stream().filter(p -> !p.from().isAfter(day)).reduce((a, b) -> b)
                .map(p -> new Rates(Percent.of(p.vatPercent()), Percent.of(p.pitPercent()), p.source()))
                .orElse(new Rates(Percent.ZERO, Percent.ZERO, null));
    }

    public record Rates(Percent vat, Percent pit, String source) {
    }
}

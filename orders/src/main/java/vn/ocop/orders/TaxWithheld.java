package vn.ocop.orders;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.ProducerId;

/**
 * What the marketplace withheld in one month for a household business producer (Decree 117/2025/NĐ-CP): one line
 * per card payment it collected and per refund of one (which gives the tax back), with the rates in force on the
 * sale's day; for filing.
 */
public record TaxWithheld(ProducerId producer, String producerName, YearMonth month, List<Line> lines) {

    public TaxWithheld {
        lines = List.copyOf(lines);
    }

    /** One payment or refund: {@code amount}, {@code vat} and {@code pit} below zero for a refund. */
    public record Line(LocalDate day, UUID event, MoneyKind kind, String reference, long amount, Percent vatRate, long vat,
                       Percent pitRate, long pit) {
    }

    public long amount() {
        return lines.stream().mapToLong(Line::amount).sum();
    }

    public long vat() {
        return lines.stream().mapToLong(Line::vat).sum();
    }

    public long pit() {
        return lines.stream().mapToLong(Line::pit).sum();
    }
}

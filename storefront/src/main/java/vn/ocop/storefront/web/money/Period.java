package vn.ocop.storefront.web.money;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The days a statement covers, as asked ({@code from}, {@code to}; ISO dates): a month when one end is missing (the
 * month of the end given, or this month when neither is), otherwise exactly the days asked. The module refuses a
 * period that ends before it starts or is longer than a year.
 */
record Period(LocalDate from, LocalDate to) {

    public static Period of(LocalDate from, LocalDate to, LocalDate today) {
        if (from == null && to == null) {
            YearMonth month = YearMonth.from(today);
            return new Period(month.atDay(1), month.atEndOfMonth());
        }
        if (from == null) {
            return new Period(YearMonth.from(to).atDay(1), to);
        }
        return new Period(from, to == null ? YearMonth.from(from).atEndOfMonth() : to);
    }

    /** The month before this period's first month, and the one after its last: for "previous" and "next" links. */
    public Period previousMonth() {
        YearMonth m = YearMonth.from(from).minusMonths(1);
        return new Period(m.atDay(1), m.atEndOfMonth());
    }

    public Period nextMonth() {
        YearMonth m = YearMonth.from(to).plusMonths(1);
        return new Period(m.atDay(1), m.atEndOfMonth());
    }

    /** The month the period starts in (its tax file). */
    public YearMonth month() {
        return YearMonth.from(from);
    }

    /** "from=2026-11-01&amp;to=2026-11-30" */
    public String query() {
        return "from=" + from + "&to=" + to;
    }
}

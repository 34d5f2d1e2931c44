package vn.ocop.catalog.demo;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/** When a ranking was issued: as published (to the day, month or year), or a demo date when no source gives one. */
record IssueDate(LocalDate date, Precision precision, boolean demo) {

    enum Precision { DAY, MONTH, YEAR }

    private static final int VALIDITY_MONTHS = 36;
    private static final int DEMO_SPREAD_MONTHS = 30;

    /** A partial date stands for the first day of its period, so validity is never stretched past the source. */
    static IssueDate published(String iso) {
        return switch (iso.length()) {
            case 4 -> new IssueDate(Year.parse(iso).atDay(1), Precision.YEAR, false);
            case 7 -> new IssueDate(YearMonth.parse(iso).atDay(1), Precision.MONTH, false);
            default -> new IssueDate(LocalDate.parse(iso), Precision.DAY, false);
        };
    }

    /** A day within the last 30 months before {@code today}, fixed by the seed so it does not change between loads. */
    static IssueDate demo(String seed, LocalDate today) {
        long spreadDays = ChronoUnit.DAYS.between(today.minusMonths(DEMO_SPREAD_MONTHS), today);
        long daysAgo = 1 + Math.floorMod(DemoIds.stableHash(seed), spreadDays);
        return new IssueDate(today.minusDays(daysAgo), Precision.DAY, true);
    }

    /** Decision 148/QĐ-TTg: a ranking is valid for 36 months. */
    LocalDate validUntil() {
        return date.plusMonths(VALIDITY_MONTHS);
    }
}

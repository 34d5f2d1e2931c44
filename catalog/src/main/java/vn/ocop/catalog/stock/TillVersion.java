package vn.ocop.catalog.stock;

import java.time.LocalDate;

/**
 * What a till last learnt, as an opaque token {@code v1.<epoch day>.<xmin>}: the day (sale status changes at
 * midnight in Asia/Ho_Chi_Minh without any write) and the oldest transaction still running at that answer
 * (anything written by it or later may be new to the till). Asking again with an old token repeats, never misses.
 */
record TillVersion(LocalDate day, long xmin) {

    public String token() {
        return "v1." + day.toEpochDay() + "." + xmin;
    }

    /** The version in a token; null when there is none or it is not one of ours (the till then gets everything). */
    public static TillVersion parse(String token) {
        if (token == null) {
            return null;
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !parts[0].equals("v1")) {
            return null;
        }
        try {
            LocalDate day = LocalDate.ofEpochDay(Long.parseLong(parts[1]));
            long xmin = Long.parseLong(parts[2]);
            // a token we could have issued: anything else (edited, corrupted) means "tell me everything" rather than a query on nonsense
            return day.getYear() < 2000 || day.getYear() > 2999 || xmin < 0 ? null : new TillVersion(day, xmin);
        } catch (RuntimeException notOurs) {
            return null;
        }
    }
}

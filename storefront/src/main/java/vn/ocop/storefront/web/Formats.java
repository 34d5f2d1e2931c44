package vn.ocop.storefront.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import vn.ocop.catalog.CatalogClock;
import vn.ocop.catalog.Vnd;

/** How pages write money, stars and dates: {@code 125.000 ₫}, ★★★★☆, 22/11/2026. Used as {@code @formats} in templates. */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final java.time.format.DateTimeFormatter MONTH_YEAR = java.time.format.DateTimeFormatter.ofPattern("MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(CatalogClock.ZONE);

    public String vnd(Vnd amount) {
        return vnd(amount.dong());
    }

    public String vnd(long dong) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        return new DecimalFormat("#,##0", symbols).format(dong) + " ₫";
    }

    /**
     * A count as shoppers read it on a card, rounded down so it never says more than is true: 12, 999, then one decimal
     * of thousands ("1,2k" in Vietnamese, "1.2k" in English; "12k" without a zero decimal) and of millions ("1,2tr", "1.2M").
     */
    public String compact(long n, java.util.Locale locale) {
        boolean vi = locale == null || !"en".equals(locale.getLanguage());
        if (n < 1_000) {
            return Long.toString(n);
        }
        boolean millions = n >= 1_000_000;
        long tenths = n / (millions ? 100_000 : 100);
        String number = tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + (vi ? "," : ".") + (tenths % 10);
        return number + (millions ? (vi ? "tr" : "M") : "k");
    }

    public String stars(int stars) {
        return "★".repeat(stars) + "☆".repeat(5 - stars);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** A month as labels print a use-by date: 12/2027. */
    public String monthYear(LocalDate date) {
        return date == null ? "" : MONTH_YEAR.format(date);
    }

    /** A moment as the clock in Hà Nội shows it: 23/11/2026 08:15. */
    public String time(OffsetDateTime at) {
        return at == null ? "" : TIME.format(at);
    }
}

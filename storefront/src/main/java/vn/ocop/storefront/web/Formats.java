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
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(CatalogClock.ZONE);

    public String vnd(Vnd amount) {
        return vnd(amount.dong());
    }

    public String vnd(long dong) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        return new DecimalFormat("#,##0", symbols).format(dong) + " ₫";
    }

    public String stars(int stars) {
        return "★".repeat(stars) + "☆".repeat(5 - stars);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** A moment as the clock in Hà Nội shows it: 23/11/2026 08:15. */
    public String time(OffsetDateTime at) {
        return at == null ? "" : TIME.format(at);
    }
}

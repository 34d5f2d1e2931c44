package vn.ocop.catalog.stock;

import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The lot a movement names: its code as printed on the label and, on the receipt that brings it, its production and
 * use-by dates (neither for goods that do not spoil). A lot's dates are those of the receipt that first named it.
 */
public record LotRef(String code, LocalDate producedOn, LocalDate useBy) {

    /** Letters, digits and {@code - . /}, 1 to 40 of them, as lot codes are printed ("L2026-11/03", "HSD.2712"). */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./-]{0,39}");
    /** The lot that goods go to when nobody said which (a count that found more, a receipt without a lot). */
    public static final String UNLABELLED = "KHONG-RO-LO";

    public LotRef {
        code = code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
        String problem = problem(code, producedOn, useBy);
        if (problem != null) {
            throw new CatalogException(CatalogErrorCode.INVALID_MOVEMENT, problem);
        }
    }

    /** Why these are not a lot; null when they are (a code as printed, a use-by not before the production date). */
    public static String problem(String code, LocalDate producedOn, LocalDate useBy) {
        if (code == null || !CODE.matcher(code.strip()).matches()) {
            return "a lot code is 1 to 40 letters, digits, '-', '.' or '/', starting with a letter or digit";
        }
        return producedOn != null && useBy != null && useBy.isBefore(producedOn)
                ? "a lot's use-by date cannot be before its production date" : null;
    }

    public static LotRef named(String code) {
        return new LotRef(code, null, null);
    }

    public boolean hasDates() {
        return producedOn != null || useBy != null;
    }
}

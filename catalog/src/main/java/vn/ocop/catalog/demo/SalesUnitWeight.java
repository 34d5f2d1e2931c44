package vn.ocop.catalog.demo;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.ocop.catalog.listings.ListingDetails;
import vn.ocop.catalog.OcopGroup;

/**
 * A plausible shipping weight for a demo listing, read from its sales unit: what the unit holds ("hộp 500g", "1kg",
 * "hộp 6 chai 330ml" is six times 330 ml; a millilitre weighs about a gram) plus its packaging, 20 % for liquids and
 * jars (glass weighs), 10 % for the rest, in whole tens of grams. A unit that names no quantity ("chiếc", "chậu",
 * "vé tham quan / người") takes its OCOP group's default. Always within the listing's limits.
 */
final class SalesUnitWeight {

    // an optional count of containers ("6 chai ", "2 x "), then an amount and its unit, which no letter follows
    private static final Pattern QUANTITY = Pattern.compile(
            "(?:(\\d+)\\s*(?:[x×]\\s*|\\p{L}+\\s+))?(\\d+(?:[.,]\\d+)?)\\s*(kg|g|ml|lít|l)(?!\\p{L})");
    private static final Pattern PER_KILOGRAM = Pattern.compile("(?<!\\p{L})kg(?!\\p{L})");
    private static final Pattern GLASS = Pattern.compile("(?<!\\p{L})(chai|lọ|hũ|bình)(?!\\p{L})");
    private static final int DRY_PACKAGING_PERCENT = 10;
    private static final int WET_PACKAGING_PERCENT = 20;

    private static final Map<OcopGroup, Integer> GROUP_DEFAULT_GRAMS = Map.of(
            OcopGroup.FOOD, 600,
            OcopGroup.DRINKS, 700,
            OcopGroup.HERBAL, 300,
            OcopGroup.HANDICRAFT, 800,
            OcopGroup.ORNAMENTAL, 2_000,
            OcopGroup.TOURISM, 50);

    private SalesUnitWeight() {
    }

    static int estimate(String salesUnit, OcopGroup group) {
        String unit = salesUnit.toLowerCase(Locale.ROOT);
        Matcher quantity = QUANTITY.matcher(unit);
        if (quantity.find()) {
            long count = quantity.group(1) == null ? 1 : Long.parseLong(quantity.group(1));
            double amount = Double.parseDouble(quantity.group(2).replace(',', '.'));
            String measure = quantity.group(3);
            boolean liquid = !measure.endsWith("g");
            double grams = count * amount * (measure.equals("g") || measure.equals("ml") ? 1 : 1_000);
            return withPackaging(grams, liquid || GLASS.matcher(unit).find());
        }
        if (PER_KILOGRAM.matcher(unit).find()) {
            return withPackaging(1_000, false);
        }
        return GROUP_DEFAULT_GRAMS.get(group);
    }

    private static int withPackaging(double contentGrams, boolean liquidOrJar) {
        int percent = liquidOrJar ? WET_PACKAGING_PERCENT : DRY_PACKAGING_PERCENT;
        double packed = Math.min(contentGrams * (100 + percent) / 100, ListingDetails.WEIGHT_MAX);
        int tens = (int) Math.ceil(packed / 10 - 1e-9);
        return Math.max(ListingDetails.WEIGHT_MIN, tens * 10);
    }
}

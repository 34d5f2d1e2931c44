package vn.ocop.catalog.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.Vnd;

/** Plausible demo prices and sales units, by keyword of the product name ({@code demo/prices.csv}), else by group. */
final class PriceTable {

    record Entry(String keyword, String unit, long priceVnd) {
    }

    record DemoPrice(String unit, Vnd price) {
    }

    private static final int SPREAD_PERCENT = 15;

    private static final Map<OcopGroup, Entry> FALLBACK = Map.of(
            OcopGroup.FOOD, new Entry("", "hộp 500g", 90_000),
            OcopGroup.DRINKS, new Entry("", "chai 500ml", 120_000),
            OcopGroup.HERBAL, new Entry("", "hộp 100g", 180_000),
            OcopGroup.HANDICRAFT, new Entry("", "chiếc", 300_000),
            OcopGroup.ORNAMENTAL, new Entry("", "chậu", 350_000),
            OcopGroup.TOURISM, new Entry("", "vé tham quan / người", 60_000));

    private final List<Entry> entries;

    PriceTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static PriceTable load() {
        return new PriceTable(Csv.read("demo/prices.csv").stream()
                .map(row -> new Entry(row.get("keyword").toLowerCase(Locale.ROOT), row.get("unit"),
                        Long.parseLong(row.get("price_vnd"))))
                .toList());
    }

    /** The first keyword found in the lower-cased name wins; the table lists specific keywords before general ones. */
    DemoPrice priceOf(String productName, OcopGroup group) {
        String name = productName.toLowerCase(Locale.ROOT);
        Entry entry = entries.stream()
                .filter(candidate -> name.contains(candidate.keyword()))
                .findFirst()
                .orElse(FALLBACK.get(group));
        return new DemoPrice(entry.unit(), varied(entry.priceVnd(), productName));
    }

    /** ±15 % by a hash of the name, so products of one keyword do not all cost the same; whole thousands of đồng. */
    static Vnd varied(long base, String productName) {
        int percent = Math.floorMod(DemoIds.stableHash("price:" + productName), 2 * SPREAD_PERCENT + 1) - SPREAD_PERCENT;
        long thousands = Math.round(base * (100 + percent) / 100_000.0);
        return new Vnd(Math.max(1, thousands) * 1_000);
    }
}

package vn.ocop.storefront.web.shipping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.InvalidRateTable;
import vn.ocop.orders.RateTable;
import vn.ocop.orders.ShippingZone;

/**
 * The rate table page's form: one block per zone (its window, its bands as rows, and blank rows to add more).
 * Inputs are named like the API's fields ({@code zones[0].bands[1].fromGrams}), so the table's own problems land
 * beside the inputs that caused them; a blank row is left out, a row that is not whole numbers is an error.
 */
public final class RateTableForm {

    static final int BLANK_ROWS = 2;

    /** One band row as typed (text, so a wrong entry is shown back as it was). */
    public record Row(String fromGrams, String toGrams, String feeVnd, String extraPer500gVnd) {
        public boolean blank() {
            return isBlank(fromGrams) && isBlank(toGrams) && isBlank(feeVnd) && isBlank(extraPer500gVnd);
        }
    }

    public record Zone(ShippingZone zone, String minDays, String maxDays, List<Row> rows) {
    }

    private final List<Zone> zones;
    private final Map<String, InvalidRateTable.FieldError> errors = new LinkedHashMap<>();
    private final Map<String, String> typing = new LinkedHashMap<>();

    private RateTableForm(List<Zone> zones) {
        this.zones = zones;
    }

    static RateTableForm of(RateTable table) {
        List<Zone> zones = new ArrayList<>();
        for (ShippingZone zone : ShippingZone.values()) {
            RateTable.ZoneRates rates = table.zones().stream().filter(z -> z.zone() == zone).findFirst().orElse(null);
            List<Row> rows = new ArrayList<>();
            if (rates != null) {
                rates.bands().forEach(b -> rows.add(new Row(Integer.toString(b.fromGrams()), b.toGrams() == null ? "" : b.toGrams().toString(),
                        Long.toString(b.fee().dong()), b.extraPer500g() == null || b.extraPer500g().dong() == 0 ? "" : Long.toString(b.extraPer500g().dong()))));
            }
            zones.add(new Zone(zone, rates == null ? "" : Integer.toString(rates.minDays()), rates == null ? "" : Integer.toString(rates.maxDays()),
                    withBlanks(rows)));
        }
        return new RateTableForm(zones);
    }

    static RateTableForm read(MultiValueMap<String, String> form) {
        List<Zone> zones = new ArrayList<>();
        for (int z = 0; z < ShippingZone.values().length; z++) {
            String at = "zones[" + z + "]";
            List<Row> rows = new ArrayList<>();
            for (int b = 0; form.containsKey(at + ".bands[" + b + "].fromGrams"); b++) {
                String band = at + ".bands[" + b + "]";
                rows.add(new Row(form.getFirst(band + ".fromGrams"), form.getFirst(band + ".toGrams"), form.getFirst(band + ".feeVnd"),
                        form.getFirst(band + ".extraPer500gVnd")));
            }
            zones.add(new Zone(ShippingZone.values()[z], form.getFirst(at + ".minDays"), form.getFirst(at + ".maxDays"), rows));
        }
        return new RateTableForm(zones);
    }

    public List<Zone> zones() {
        return zones;
    }

    /** The error on an input, by its name; null when there is none. */
    public InvalidRateTable.FieldError error(String field) {
        return errors.get(field);
    }

    public boolean typingError(String field) {
        return typing.containsKey(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || !typing.isEmpty();
    }

    public List<InvalidRateTable.FieldError> errors() {
        return List.copyOf(errors.values());
    }

    /** The table the form says, blank rows left out; null (and typing errors noted) when some entry is not a whole number. */
    RateTable table() {
        List<RateTable.ZoneRates> rates = new ArrayList<>();
        for (int z = 0; z < zones.size(); z++) {
            Zone zone = zones.get(z);
            String at = "zones[" + z + "]";
            List<RateTable.WeightBand> bands = new ArrayList<>();
            for (int b = 0; b < zone.rows().size(); b++) {
                Row row = zone.rows().get(b);
                if (row.blank()) {
                    continue;
                }
                String band = at + ".bands[" + b + "]";
                Long from = number(band + ".fromGrams", row.fromGrams(), true);
                Long to = number(band + ".toGrams", row.toGrams(), false);
                Long fee = number(band + ".feeVnd", row.feeVnd(), true);
                Long extra = number(band + ".extraPer500gVnd", row.extraPer500gVnd(), false);
                if (from != null && fee != null && (to != null || isBlank(row.toGrams())) && (extra != null || isBlank(row.extraPer500gVnd()))) {
                    bands.add(new RateTable.WeightBand(from.intValue(), to == null ? null : to.intValue(), new Vnd(fee), new Vnd(extra == null ? 0 : extra)));
                }
            }
            Long min = number(at + ".minDays", zone.minDays(), true);
            Long max = number(at + ".maxDays", zone.maxDays(), true);
            rates.add(new RateTable.ZoneRates(zone.zone(), min == null ? -1 : min.intValue(), max == null ? -1 : max.intValue(), bands));
        }
        return typing.isEmpty() ? new RateTable(rates) : null;
    }

    /** Puts the table's problems beside the inputs: its band indexes count only the rows that were not blank. */
    void problems(List<InvalidRateTable.FieldError> problems) {
        for (InvalidRateTable.FieldError e : problems) {
            errors.put(inputOf(e.field()), e);
        }
    }

    private String inputOf(String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("zones\\[(\\d+)]\\.bands\\[(\\d+)](.*)").matcher(field);
        if (!m.matches()) {
            return field;
        }
        int z = Integer.parseInt(m.group(1));
        int wanted = Integer.parseInt(m.group(2));
        List<Row> rows = zones.get(z).rows();
        for (int b = 0, seen = 0; b < rows.size(); b++) {
            if (!rows.get(b).blank() && seen++ == wanted) {
                return "zones[" + z + "].bands[" + b + "]" + m.group(3);
            }
        }
        return field;
    }

    private Long number(String field, String text, boolean required) {
        if (isBlank(text)) {
            if (required) {
                typing.put(field, "required");
            }
            return null;
        }
        try {
            long n = Long.parseLong(text.strip().replace(".", "").replace(",", "").replace(" ", ""));
            if (n < 0 || n > 1_000_000_000L) {
                typing.put(field, "range");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            typing.put(field, "number");
            return null;
        }
    }

    RateTableForm withBlankRows() {
        return new RateTableForm(zones.stream().map(z -> new Zone(z.zone(), z.minDays(), z.maxDays(), withBlanks(new ArrayList<>(z.rows()))))
                .toList()).copyErrors(this);
    }

    private RateTableForm copyErrors(RateTableForm from) {
        errors.putAll(from.errors);
        typing.putAll(from.typing);
        return this;
    }

    private static List<Row> withBlanks(List<Row> rows) {
        long blanks = rows.stream().filter(Row::blank).count();
        for (long i = blanks; i < BLANK_ROWS; i++) {
            rows.add(new Row("", "", "", ""));
        }
        return rows;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

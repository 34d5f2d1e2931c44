package vn.ocop.orders;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.InvalidRateTable.Problem;

/**
 * The marketplace's shipping rates: for each {@link ShippingZone} a delivery window and weight bands. A band
 * covers {@code [fromGrams, toGrams)}; the bands of a zone start at 0 g, follow each other with no gap and no
 * overlap, and the last is open-ended ({@code toGrams} null), adding {@code extraPer500g} for every started 500 g
 * above its start. So every weight has exactly one fee.
 */
public record RateTable(List<ZoneRates> zones) {

    public static final long MAX_FEE = 10_000_000L;

    public record ZoneRates(ShippingZone zone, int minDays, int maxDays, List<WeightBand> bands) {
        public ZoneRates {
            bands = bands == null ? List.of() : List.copyOf(bands);
        }
    }

    public record WeightBand(int fromGrams, Integer toGrams, Vnd fee, Vnd extraPer500g) {
        public boolean openEnded() {
            return toGrams == null;
        }

        boolean covers(int grams) {
            return grams >= fromGrams && (toGrams == null || grams < toGrams);
        }

        Vnd feeFor(int grams) {
            if (toGrams != null || extraPer500g == null || grams <= fromGrams) {
                return fee;
            }
            long steps = (grams - fromGrams + 499L) / 500L;
            return fee.plus(new Vnd(Math.multiplyExact(extraPer500g.dong(), steps)));
        }
    }

    public RateTable {
        zones = zones == null ? List.of() : List.copyOf(zones);
    }

    /** Every rule the table breaks, each with the field that breaks it; empty when it is a valid table. */
    public List<InvalidRateTable.FieldError> problems() {
        List<InvalidRateTable.FieldError> errors = new ArrayList<>();
        Set<ShippingZone> seen = EnumSet.noneOf(ShippingZone.class);
        for (int z = 0; z < zones.size(); z++) {
            ZoneRates rates = zones.get(z);
            String at = "zones[" + z + "]";
            if (rates == null || rates.zone() == null) {
                errors.add(err(at + ".zone", Problem.ZONE_UNNAMED, "name the zone: SAME_PROVINCE, SAME_REGION or OTHER_REGION"));
                continue;
            }
            if (!seen.add(rates.zone())) {
                errors.add(err(at + ".zone", Problem.ZONE_TWICE, rates.zone() + " is given twice", rates.zone()));
            }
            if (rates.minDays() < 0 || rates.maxDays() > 60 || rates.maxDays() < rates.minDays()) {
                errors.add(err(at + ".maxDays", Problem.WINDOW, "a delivery window is 0 to 60 days, the soonest first"));
            }
            bands(rates.bands(), at, errors);
        }
        for (ShippingZone zone : ShippingZone.values()) {
            if (!seen.contains(zone)) {
                errors.add(err("zones", Problem.ZONE_MISSING, "rates for " + zone + " are missing", zone));
            }
        }
        return errors;
    }

    private static void bands(List<WeightBand> bands, String zone, List<InvalidRateTable.FieldError> errors) {
        if (bands.isEmpty()) {
            errors.add(err(zone + ".bands", Problem.NO_BANDS, "give at least one weight band, from 0 g"));
            return;
        }
        Integer expectedFrom = 0;
        for (int b = 0; b < bands.size(); b++) {
            WeightBand band = bands.get(b);
            String at = zone + ".bands[" + b + "]";
            if (band == null || band.fee() == null) {
                errors.add(err(at + ".feeVnd", Problem.NO_FEE, "every band has a fee"));
                continue;
            }
            if (expectedFrom == null) {
                errors.add(err(at + ".fromGrams", Problem.OVERLAP_OPEN, "overlaps the open-ended band before it: only the last band may be open-ended"));
            } else if (band.fromGrams() < expectedFrom) {
                errors.add(err(at + ".fromGrams", Problem.OVERLAP, "overlaps the band before it, which ends at " + expectedFrom + " g", expectedFrom));
            } else if (band.fromGrams() > expectedFrom) {
                errors.add(err(at + ".fromGrams", Problem.GAP, "leaves parcels of " + expectedFrom + " to " + band.fromGrams() + " g without a fee", expectedFrom, band.fromGrams()));
            }
            if (band.toGrams() != null && band.toGrams() <= band.fromGrams()) {
                errors.add(err(at + ".toGrams", Problem.ENDS_BEFORE_START, "ends at or before where it starts (" + band.fromGrams() + " g)", band.fromGrams()));
            }
            if (band.fee().dong() > MAX_FEE) {
                errors.add(err(at + ".feeVnd", Problem.FEE_RANGE, "a fee is 0 to 10,000,000 đồng"));
            }
            if (band.extraPer500g() != null && band.extraPer500g().dong() > 0 && !band.openEnded()) {
                errors.add(err(at + ".extraPer500gVnd", Problem.EXTRA_NOT_LAST, "only the open-ended last band adds a fee per 500 g"));
            } else if (band.extraPer500g() != null && band.extraPer500g().dong() > MAX_FEE) {
                errors.add(err(at + ".extraPer500gVnd", Problem.FEE_RANGE, "a fee is 0 to 10,000,000 đồng"));
            }
            expectedFrom = band.toGrams();
        }
        if (expectedFrom != null) {
            errors.add(err(zone + ".bands[" + (bands.size() - 1) + "].toGrams", Problem.LAST_NOT_OPEN,
                    "parcels of " + expectedFrom + " g or more have no fee: make the last band open-ended (toGrams null)", expectedFrom));
        }
    }

    private static InvalidRateTable.FieldError err(String field, Problem problem, String message, Object... args) {
        return new InvalidRateTable.FieldError(field, problem, message, java.util.List.of(args));
    }

    /** The fee and window for a parcel of {@code grams} in {@code zone}; the table must be valid. */
    public ShippingQuote quote(ShippingZone zone, int grams) {
        ZoneRates rates = zones.stream().filter(r -> r.zone() == zone).findFirst()
                .orElseThrow(() -> new IllegalStateException("the rate table has no rates for " + zone));
        WeightBand band = rates.bands().stream().filter(b -> b.covers(grams)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the rate table has no band for " + grams + " g in " + zone));
        return new ShippingQuote(zone, band.feeFor(grams), new DeliveryWindow(rates.minDays(), rates.maxDays()));
    }
}

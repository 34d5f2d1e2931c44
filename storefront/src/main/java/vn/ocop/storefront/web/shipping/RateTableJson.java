package vn.ocop.storefront.web.shipping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.RateTable;
import vn.ocop.orders.RateTableChange;
import vn.ocop.orders.ShippingZone;

/**
 * The rate table as JSON: per zone a delivery window and weight bands {@code [fromGrams, toGrams)}, the last
 * open-ended ({@code toGrams} null) with an optional fee per started 500 g above its start.
 */
record RateTableJson(@NotNull @Size(max = 3) List<@NotNull @Valid ZoneJson> zones, String changedBy, OffsetDateTime changedAt) {

    record ZoneJson(@NotNull ShippingZone zone, @Min(0) @Max(60) int minDays, @Min(0) @Max(60) int maxDays,
                    @NotNull @Size(max = 30) List<@NotNull @Valid BandJson> bands) {
    }

    record BandJson(@Min(0) @Max(1_000_000) int fromGrams, @Min(1) @Max(1_000_000) Integer toGrams, @NotNull @Min(0) @Max(10_000_000) Long feeVnd,
                    @Min(0) @Max(10_000_000) Long extraPer500gVnd) {
    }

    static RateTableJson of(RateTable t, RateTableChange change) {
        return new RateTableJson(t.zones().stream().map(z -> new ZoneJson(z.zone(), z.minDays(), z.maxDays(), z.bands().stream()
                        .map(b -> new BandJson(b.fromGrams(), b.toGrams(), b.fee().dong(), b.extraPer500g() == null ? 0 : b.extraPer500g().dong()))
                        .toList())).toList(),
                change == null ? null : change.by(), change == null ? null : change.at());
    }

    RateTable table() {
        return new RateTable(zones.stream().map(z -> new RateTable.ZoneRates(z.zone(), z.minDays(), z.maxDays(), z.bands().stream()
                .map(b -> new RateTable.WeightBand(b.fromGrams(), b.toGrams(), new Vnd(b.feeVnd()),
                        new Vnd(b.extraPer500gVnd() == null ? 0 : b.extraPer500gVnd())))
                .toList())).toList());
    }
}

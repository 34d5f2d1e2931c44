package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ocop.catalog.Vnd;

/** The rate table gives every weight in every zone exactly one fee, and names each field that breaks that. */
class RateTableTests {

    static RateTable.WeightBand band(int from, Integer to, long fee, long extra) {
        return new RateTable.WeightBand(from, to, new Vnd(fee), new Vnd(extra));
    }

    static RateTable.ZoneRates zone(ShippingZone zone, int min, int max, RateTable.WeightBand... bands) {
        return new RateTable.ZoneRates(zone, min, max, List.of(bands));
    }

    static RateTable valid() {
        return new RateTable(List.of(
                zone(ShippingZone.SAME_PROVINCE, 1, 2, band(0, 1000, 20_000, 0), band(1000, 5000, 30_000, 0), band(5000, null, 30_000, 4_000)),
                zone(ShippingZone.SAME_REGION, 2, 3, band(0, 1000, 30_000, 0), band(1000, null, 40_000, 5_000)),
                zone(ShippingZone.OTHER_REGION, 3, 5, band(0, null, 40_000, 7_000))));
    }

    @Test
    void aParcelPaysTheFeeOfTheBandItsWeightFallsInAndItsZonesWindow() {
        RateTable table = valid();

        assertThat(table.quote(ShippingZone.SAME_PROVINCE, 999)).isEqualTo(new ShippingQuote(ShippingZone.SAME_PROVINCE, new Vnd(20_000), new DeliveryWindow(1, 2)));
        assertThat(table.quote(ShippingZone.SAME_PROVINCE, 1000).fee()).as("a band starts at its lower bound").isEqualTo(new Vnd(30_000));
        assertThat(table.quote(ShippingZone.SAME_PROVINCE, 5000).fee()).isEqualTo(new Vnd(30_000));
        assertThat(table.quote(ShippingZone.SAME_PROVINCE, 5001).fee()).as("a started 500 g above the open band's start").isEqualTo(new Vnd(34_000));
        assertThat(table.quote(ShippingZone.SAME_PROVINCE, 6001).fee()).isEqualTo(new Vnd(42_000));
        assertThat(table.quote(ShippingZone.OTHER_REGION, 250).window()).isEqualTo(new DeliveryWindow(3, 5));
    }

    @Test
    void theZoneDependsOnTheProvincesAndTheirRegions() {
        Addresses vn = Addresses.vietnam();
        Province hanoi = vn.province("01").orElseThrow();
        Province haiPhong = vn.province("31").orElseThrow();
        Province hcm = vn.province("79").orElseThrow();
        Province hue = vn.province("46").orElseThrow();

        assertThat(ShippingZone.between(hanoi, hanoi)).isEqualTo(ShippingZone.SAME_PROVINCE);
        assertThat(ShippingZone.between(hanoi, haiPhong)).isEqualTo(ShippingZone.SAME_REGION);
        assertThat(ShippingZone.between(hanoi, hcm)).isEqualTo(ShippingZone.OTHER_REGION);
        assertThat(ShippingZone.between(hue, hanoi)).isEqualTo(ShippingZone.OTHER_REGION);
        assertThat(ShippingZone.between(null, hanoi)).as("an origin none of the 34").isEqualTo(ShippingZone.OTHER_REGION);
        assertThat(vn.provinces()).extracting(Province::region).as("every province has a region").doesNotContainNull();
        assertThat(Region.provinces()).isEqualTo(34);
    }

    @Test
    void aValidTableHasNoProblems() {
        assertThat(valid().problems()).isEmpty();
    }

    @Test
    void overlappingBandsAreNamed() {
        RateTable table = replace(ShippingZone.SAME_REGION, zone(ShippingZone.SAME_REGION, 2, 3, band(0, 1000, 30_000, 0), band(800, null, 40_000, 0)));

        assertThat(table.problems()).extracting(InvalidRateTable.FieldError::field).containsExactly("zones[1].bands[1].fromGrams");
        assertThat(table.problems().get(0).message()).contains("overlaps", "1000 g");
        assertThat(table.problems().get(0)).extracting(InvalidRateTable.FieldError::problem, InvalidRateTable.FieldError::args)
                .as("what pages word in the reader's language").containsExactly(InvalidRateTable.Problem.OVERLAP, List.of(1000));
    }

    @Test
    void missingBandsAreNamed() {
        RateTable gap = replace(ShippingZone.SAME_REGION, zone(ShippingZone.SAME_REGION, 2, 3, band(0, 1000, 30_000, 0), band(1500, null, 40_000, 0)));
        RateTable notFromZero = replace(ShippingZone.SAME_REGION, zone(ShippingZone.SAME_REGION, 2, 3, band(100, null, 30_000, 0)));
        RateTable bounded = replace(ShippingZone.SAME_REGION, zone(ShippingZone.SAME_REGION, 2, 3, band(0, 1000, 30_000, 0)));
        RateTable noZone = new RateTable(valid().zones().subList(0, 2));

        assertThat(gap.problems()).extracting(InvalidRateTable.FieldError::field, InvalidRateTable.FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("zones[1].bands[1].fromGrams", "leaves parcels of 1000 to 1500 g without a fee"));
        assertThat(notFromZero.problems()).extracting(InvalidRateTable.FieldError::field).containsExactly("zones[1].bands[0].fromGrams");
        assertThat(bounded.problems()).extracting(InvalidRateTable.FieldError::field).containsExactly("zones[1].bands[0].toGrams");
        assertThat(noZone.problems()).extracting(InvalidRateTable.FieldError::message).containsExactly("rates for OTHER_REGION are missing");
    }

    @Test
    void otherMistakesAreNamedToo() {
        RateTable table = new RateTable(List.of(
                zone(ShippingZone.SAME_PROVINCE, 3, 1, band(0, null, 20_000, 0)),
                zone(ShippingZone.SAME_PROVINCE, 1, 2, band(0, 500, 20_000, 1_000), band(500, 400, 20_000, 0), band(400, null, 11_000_000, 0)),
                zone(ShippingZone.OTHER_REGION, 3, 5, band(0, null, 40_000, 0), band(2000, null, 50_000, 0))));

        assertThat(table.problems()).extracting(InvalidRateTable.FieldError::field).contains(
                "zones[0].maxDays", "zones[1].zone", "zones[1].bands[0].extraPer500gVnd", "zones[1].bands[1].toGrams",
                "zones[1].bands[2].feeVnd", "zones[2].bands[1].fromGrams", "zones");
    }

    private static RateTable replace(ShippingZone zone, RateTable.ZoneRates rates) {
        List<RateTable.ZoneRates> zones = new ArrayList<>(valid().zones());
        zones.replaceAll(z -> z.zone() == zone ? rates : z);
        return new RateTable(zones);
    }
}

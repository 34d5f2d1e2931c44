package vn.ocop.catalog.listings;

import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.Vnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class ListingDetailsTests {

    @Test
    void acceptsTheLimitsThemselves() {
        ListingDetails d = new ListingDetails("Mứ", "x".repeat(5000), OcopGroup.FOOD, new Vnd(1_000_000_000), "u".repeat(60), 50_000);

        assertThat(d.price()).isEqualTo(new Vnd(1_000_000_000));
        assertThat(d.shippingWeightGrams()).isEqualTo(50_000);
        assertThat(new ListingDetails("x".repeat(200), null, OcopGroup.DRINKS, new Vnd(1), "hộp", 1).name()).hasSize(200);
    }

    @Test
    void blankDescriptionMeansNone() {
        assertThat(new ListingDetails("Trà", "   ", OcopGroup.DRINKS, new Vnd(50_000), "gói", 120).description()).isNull();
    }

    @Test
    void refusesWhatTheProductTableWouldRefuse() {
        assertThatIllegalArgumentException().isThrownBy(() -> details("M", 1000, "hộp"));
        assertThatIllegalArgumentException().isThrownBy(() -> details("x".repeat(201), 1000, "hộp"));
        assertThatIllegalArgumentException().isThrownBy(() -> details("Trà", 0, "hộp"));
        assertThatIllegalArgumentException().isThrownBy(() -> details("Trà", 1_000_000_001L, "hộp"));
        assertThatIllegalArgumentException().isThrownBy(() -> details("Trà", 1000, " "));
        assertThatIllegalArgumentException().isThrownBy(() -> details("Trà", 1000, "u".repeat(61)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ListingDetails("Trà", "x".repeat(5001), OcopGroup.DRINKS, new Vnd(1000), "hộp", 500));
    }

    @Test
    void aShippingWeightIsOneGramToFiftyKilograms() {
        assertThatIllegalArgumentException().isThrownBy(() -> weighing(0)).withMessageContaining("shipping weight");
        assertThatIllegalArgumentException().isThrownBy(() -> weighing(-500));
        assertThatIllegalArgumentException().isThrownBy(() -> weighing(ListingDetails.WEIGHT_MAX + 1));
        assertThat(weighing(ListingDetails.WEIGHT_MIN).shippingWeightGrams()).isEqualTo(1);
    }

    @Test
    void groupIsRequired() {
        assertThatNullPointerException()
                .isThrownBy(() -> new ListingDetails("Trà", null, null, new Vnd(1000), "hộp", 500));
    }

    private static ListingDetails details(String name, long price, String unit) {
        return new ListingDetails(name, null, OcopGroup.DRINKS, new Vnd(price), unit, 500);
    }

    private static ListingDetails weighing(int grams) {
        return new ListingDetails("Trà", null, OcopGroup.DRINKS, new Vnd(1000), "hộp", grams);
    }
}

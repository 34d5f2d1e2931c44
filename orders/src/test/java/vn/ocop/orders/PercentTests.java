package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one rounding rule of the money ledger: a percentage of whole đồng, rounded half up, once per row. */
class PercentTests {

    @Test
    void aPercentageOfAnAmountIsRoundedHalfUpToTheWholeDong() {
        assertThat(Percent.of("10").of(12_345)).isEqualTo(1_235); // 1,234.5
        assertThat(Percent.of("10").of(12_344)).isEqualTo(1_234); // 1,234.4
        assertThat(Percent.of("0.5").of(99)).isZero();            // 0.495
        assertThat(Percent.of("0.5").of(100)).isEqualTo(1);       // 0.5
        assertThat(Percent.of("12.75").of(1_000_000_000L)).isEqualTo(127_500_000L);
        assertThat(Percent.ZERO.of(5_000)).isZero();
    }

    @Test
    void aPercentageHasAtMostTwoDecimalsAndLiesBetweenZeroAndAHundred() {
        assertThat(Percent.of("12.50")).isEqualTo(new Percent(1250));
        assertThat(Percent.of("7.5").toString()).isEqualTo("7.5");
        assertThatThrownBy(() -> Percent.of("12.345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percent.of("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percent.of("100.01")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCommissionRateIsAtMostFiftyPercent() {
        assertThatThrownBy(() -> new CommissionChange(CommissionRate.Scope.ONLINE, vn.ocop.catalog.OcopGroup.FOOD, null, Percent.of("50.01"), null))
                .isInstanceOfSatisfying(InvalidMoneyRequest.class, e -> assertThat(e.errors()).extracting(InvalidMoneyRequest.FieldError::field)
                        .containsExactly("percent"));
        assertThat(new CommissionChange(CommissionRate.Scope.ONLINE, vn.ocop.catalog.OcopGroup.FOOD, null, Percent.of("50"), null).percent())
                .isEqualTo(new Percent(5000));
    }
}

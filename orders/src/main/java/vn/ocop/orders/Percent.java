package vn.ocop.orders;

import java.math.BigDecimal;

/**
 * A percentage with at most two decimals (12.5 %, 0.5 %), kept as hundredths of a percent, and the one rounding
 * rule of the money ledger: a percentage of an amount is rounded half up to the whole đồng, once per ledger row
 * (so 10 % of 12,345 đ is 1,235 đ and 0.5 % of 99 đ is 0 đ).
 */
public record Percent(int hundredths) {

    public static final Percent ZERO = new Percent(0);

    public Percent {
        if (hundredths < 0 || hundredths > 100_00) {
            throw new IllegalArgumentException("a percentage is 0 to 100: " + hundredths / 100.0);
        }
    }

    /** 12.5 → 12.50 %; more than two decimals is refused (IllegalArgumentException), as is anything outside 0..100. */
    public static Percent of(BigDecimal percent) {
        if (percent == null || percent.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("a percentage has at most two decimals: " + percent);
        }
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a percentage is 0 to 100: " + percent);
        }
        return new Percent(percent.movePointRight(2).intValueExact());
    }

    public static Percent of(String percent) {
        return of(new BigDecimal(percent));
    }

    /** This percentage of {@code amount} đồng (0 or more), rounded half up to the whole đồng. */
    public long of(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("a percentage is taken of an amount of 0 or more: " + amount);
        }
        return Math.addExact(Math.multiplyExact(amount, (long) hundredths), 5_000L) / 10_000L;
    }

    public BigDecimal value() {
        return BigDecimal.valueOf(hundredths, 2);
    }

    /** "12.5", "0", "0.75": the percentage without trailing zeros. */
    @Override
    public String toString() {
        return value().stripTrailingZeros().toPlainString();
    }
}

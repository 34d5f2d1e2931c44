package vn.ocop.catalog;

/** An amount in whole đồng: VND has no minor unit (Stripe treats it as zero-decimal too). */
public record Vnd(long dong) {

    public Vnd {
        if (dong < 0) {
            throw new IllegalArgumentException("negative amount: " + dong);
        }
    }

    public Vnd plus(Vnd other) {
        return new Vnd(Math.addExact(dong, other.dong));
    }

    public Vnd times(int quantity) {
        return new Vnd(Math.multiplyExact(dong, quantity));
    }
}

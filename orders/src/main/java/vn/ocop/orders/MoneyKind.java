package vn.ocop.orders;

/**
 * The kinds of money event in the ledger. Sales bring money in for a producer (a card payment taken by the
 * marketplace through Stripe, cash collected on delivery by the producer, payment taken at pickup or at a till by
 * an outlet); refunds give it back to the shopper; a payout hands money held for the producer over to it.
 */
public enum MoneyKind {
    CARD_PAID(1), COD_COLLECTED(1), PICKUP_PAID(1), TILL_SALE(1), CARD_REFUNDED(-1), REFUND(-1), PAYOUT(0);

    private final int sign;

    MoneyKind(int sign) {
        this.sign = sign;
    }

    /** +1 for a sale (money collected), −1 for a refund (money given back), 0 for a payout. */
    public int sign() {
        return sign;
    }

    public boolean sale() {
        return sign > 0;
    }

    public boolean refund() {
        return sign < 0;
    }
}

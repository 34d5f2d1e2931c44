package vn.ocop.orders;

import java.util.Objects;
import vn.ocop.catalog.Vnd;

/**
 * The card totals Stripe takes in VND: at least the equivalent of US$0.50 (Stripe converts it at the day's rate, so
 * the minimum is a setting with room above today's rate) and at most eight digits (99,999,999 đồng, VND having no
 * minor unit). A card order outside them is refused at checkout, before anything is written.
 */
public record CardLimits(Vnd min, Vnd max) {

    /** Stripe's largest amount: eight digits of the currency's smallest unit, here whole đồng. */
    public static final Vnd STRIPE_MAX = new Vnd(99_999_999);

    public CardLimits {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.dong() < 1 || min.dong() > max.dong()) {
            throw new IllegalArgumentException("card limits " + min.dong() + ".." + max.dong());
        }
    }

    public boolean allows(Vnd total) {
        return total.dong() >= min.dong() && total.dong() <= max.dong();
    }

    /** CARD_AMOUNT_OUT_OF_RANGE for a total outside the limits. */
    public void check(Vnd total) {
        if (total.dong() < min.dong()) {
            throw new OrdersException(OrdersErrorCode.CARD_AMOUNT_OUT_OF_RANGE, "a card payment must be at least " + min.dong()
                    + " đồng (Stripe's minimum, the equivalent of US$0.50); this order is " + total.dong()
                    + ": choose cash on delivery or pay at pickup");
        }
        if (total.dong() > max.dong()) {
            throw new OrdersException(OrdersErrorCode.CARD_AMOUNT_OUT_OF_RANGE, "a card payment can be at most " + max.dong()
                    + " đồng (Stripe takes at most eight digits); this order is " + total.dong()
                    + ": choose cash on delivery or pay at pickup, or split the order");
        }
    }
}

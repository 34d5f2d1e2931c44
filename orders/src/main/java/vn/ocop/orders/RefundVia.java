package vn.ocop.orders;

/**
 * How a complaint's refund goes back, by who holds the shopper's money: CARD (the marketplace, through Stripe),
 * PRODUCER (it collected the cash on delivery), SHOWROOM (it took the payment at pickup).
 */
public enum RefundVia {
    CARD, PRODUCER, SHOWROOM;

    static RefundVia of(PaymentMethod payment) {
        return switch (payment) {
            case CARD -> CARD;
            case COD -> PRODUCER;
            case PAY_AT_PICKUP -> SHOWROOM;
        };
    }
}

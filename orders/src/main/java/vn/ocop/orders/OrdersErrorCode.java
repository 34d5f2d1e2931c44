package vn.ocop.orders;

/** Stable codes of what the orders module refuses; the web layer turns them into problem types. */
public enum OrdersErrorCode {
    /** Not there, or not yours: both look the same from outside. */
    NOT_FOUND,
    /** A product that is not on sale today. */
    NOT_SELLABLE,
    /** More than any one location can still promise. */
    NOT_ENOUGH_STOCK,
    /** A quantity outside 1..99, an address that does not exist, a payment that does not fit the delivery. */
    INVALID_REQUEST,
    /** The same Idempotency-Key was used before with a different request. */
    IDEMPOTENCY_MISMATCH,
    /** The order is in a state that does not allow this. */
    INVALID_STATE,
    /** A payment provider's message whose signature is wrong or too old. */
    INVALID_SIGNATURE,
    /** A buyer asking for more flash units than the offer's limit per buyer. */
    LIMIT_REACHED,
    /** Money taken that is not what the order says is due (cash on delivery, pay at pickup). */
    AMOUNT_MISMATCH,
    /** Too many wrong attempts (pickup codes at one location): try again later. */
    TOO_MANY_ATTEMPTS,
    /** A payout of more than the payer owes the producer, without saying that is meant. */
    MORE_THAN_OWED,
    /** A refund of more than was paid (less what was refunded already). */
    MORE_THAN_PAID,
    /** Something this instance was not set up to do (a Stripe webhook without the webhook secret): not the caller's fault. */
    NOT_CONFIGURED,
    /** A refund of more than the card payment still holds (paid minus the refunds not failed or canceled). */
    REFUND_EXCEEDS_PAYMENT,
    /** A card total Stripe cannot take: below its minimum (the equivalent of US$0.50) or above eight digits. */
    CARD_AMOUNT_OUT_OF_RANGE,
    /** The card payment went through or is being processed just now: the order is kept, not cancelled. */
    PAYMENT_IN_PROGRESS,
    /** The card payment is disputed (a chargeback): the order is held, not shipped or handed over. */
    DISPUTED,
    /** Stripe could not be reached (or would not answer): nothing changed, try again shortly. */
    PAYMENT_PROVIDER_UNAVAILABLE,
    /** A complaint opened more than 7 days after its line was delivered or collected. */
    COMPLAINT_DEADLINE_PASSED,
    /** The order line already has a complaint. */
    ALREADY_COMPLAINED,
    /** A complaint's refund of more than its line's total. */
    REFUND_EXCEEDS_LINE,
    /** A review of an order line whose parcel was not delivered or collected (COMPLETED). */
    LINE_NOT_COMPLETED,
    /** The order line already has a different review: one per line. */
    ALREADY_REVIEWED,
    /** The review already has the producer's reply: one per review. */
    ALREADY_REPLIED
}

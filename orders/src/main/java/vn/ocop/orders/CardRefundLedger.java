package vn.ocop.orders;

import reactor.core.publisher.Mono;

/**
 * What the money ledger learns from card refunds: told once, inside the transaction in which a refund becomes
 * SUCCEEDED at Stripe ({@code payment.Refunds}). An interface here so the payment package needs no facade.
 */
public interface CardRefundLedger {

    /** The key prefix of the refund that gives back a cancelled order's whole payment. */
    String CANCELLED_ORDER_KEY = "cancel:";

    Mono<Void> succeeded(CardRefund refund);
}

package vn.ocop.orders.money;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.orders.CardRefund;
import vn.ocop.orders.CardRefundLedger;

/**
 * A cancelled order's card refund, once Stripe says it succeeded, gives each parcel's payment back in the ledger. A
 * complaint's part refund is recorded by the complaint itself ({@code Money.refundedLine}), which knows its parcel and
 * line; so is nothing recorded twice.
 */
@Component
class CardRefundsInLedger implements CardRefundLedger {

    private final LedgerRefunds refunds;

    CardRefundsInLedger(LedgerRefunds refunds) {
        this.refunds = refunds;
    }

    @Override
    public Mono<Void> succeeded(CardRefund refund) {
        if (refund.idempotencyKey() == null || !refund.idempotencyKey().startsWith(CANCELLED_ORDER_KEY)) {
            return Mono.empty();
        }
        String source = refund.stripeRefundId() != null ? refund.stripeRefundId() : refund.id().toString();
        return refunds.wholeCardOrder(refund.order(), source, refund.succeededAt() != null ? refund.succeededAt() : refund.updatedAt()).then();
    }
}

package vn.ocop.orders;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.orders.complaint.ComplaintRows;

/**
 * What follows a complaint's change once it is committed: the shopper is e-mailed, and a resolved refund goes back
 * ({@link #refundDecided}) and returned goods are received at their location. Both are keyed by the complaint, so
 * settling again ({@link Complaints#settle}) refunds and receives once.
 */
@Component
class ComplaintSettlement {

    private static final Logger log = LoggerFactory.getLogger(ComplaintSettlement.class);

    private final ComplaintRows rows;
    private final Payments payments;
    private final Inventory inventory;
    private final ComplaintNotices notices;
    private final Money money;

    ComplaintSettlement(ComplaintRows rows, Payments payments, Inventory inventory, ComplaintNotices notices, Money money) {
        this.rows = rows;
        this.payments = payments;
        this.inventory = inventory;
        this.notices = notices;
        this.money = money;
    }

    /** After a committed change: the e-mail, and the refund and the goods when it was just resolved. */
    Mono<Complaint> after(Complaint before, Complaint after, Order order) {
        Mono<Void> money = before.status() != ComplaintStatus.RESOLVED && after.status() == ComplaintStatus.RESOLVED
                ? settle(after, order).onErrorResume(e -> {
                    log.warn("Settling complaint {} failed; ADMIN can settle it again", after.id().value(), e);
                    return Mono.empty();
                }) : Mono.empty();
        return money.then(notices.changed(after, order)).then(rows.byId(after.id()));
    }

    /** The refund and the returned goods of a resolved complaint, each once whatever how often it is called. */
    Mono<Void> settle(Complaint c, Order order) {
        if (!c.refunds()) {
            return Mono.empty();
        }
        return refundDecided(c, order).then(goodsReturned(c));
    }

    /**
     * THE place a decided refund's money is recorded. Paid by card: refunded through Stripe under the key
     * {@code complaint:<id>} (the same complaint is refunded once). Otherwise it is owed from now by who holds the
     * money (the producer for cash on delivery, the showroom for payment at pickup) until marked paid back. The money
     * ledger records it first, keyed by the complaint (CARD_REFUNDED for a card sale, REFUND for cash), so a settlement
     * tried again records nothing twice.
     */
    Mono<Void> refundDecided(Complaint c, Order order) {
        Mono<?> ledger = money.refundedLine(order.id(), c.fulfilment(), c.product(), c.refund(), c.id().refundKey(), c.updatedAt(), "complaint")
                // a sale from before the ledger began has no row to refund from: the shopper is paid back all the same
                .onErrorResume(e -> e instanceof OrdersException o && o.code() == OrdersErrorCode.INVALID_STATE, e -> {
                    log.warn("Complaint {}: its sale is not in the money ledger; the refund is not recorded there", c.id().value());
                    return Mono.empty();
                });
        if (c.via() == RefundVia.CARD) {
            return ledger.then(payments.refund(order.id(), c.refund(), c.id().refundKey(), "complaint " + c.reason().name().toLowerCase(java.util.Locale.ROOT)
                            + " about " + c.productName())
                    .flatMap(refund -> rows.cardRefund(c.id(), refund.id())));
        }
        return ledger.then(rows.owed(c.id(), c.updatedAt()));
    }

    /** The goods back at the chosen location: one RECEIPT whose id derives from the complaint (replay-safe). */
    Mono<Void> goodsReturned(Complaint c) {
        if (c.returnTo() == null) {
            return Mono.empty();
        }
        Movement receipt = Movement.of(Inventory.derivedId(c.id().value(), "complaint-return"), MovementType.RECEIPT, c.product(), c.quantity(),
                c.updatedAt(), "complaint:" + c.id().value());
        return inventory.recordAtLocation(c.returnTo(), List.of(receipt), "complaint").then();
    }
}

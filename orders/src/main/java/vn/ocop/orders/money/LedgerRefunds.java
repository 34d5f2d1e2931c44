package vn.ocop.orders.money;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.MoneyEvent;
import vn.ocop.orders.MoneyKind;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.PartRefund;

/**
 * Refunds of part of a sale (complaints): recorded against the sale they give back from, by whoever holds its money
 * (a card sale's refund is CARD_REFUNDED and the marketplace pays it; cash collected on delivery or at pickup is
 * REFUND, paid back by the producer or the outlet that took it), priced on the sale's day. In one transaction under
 * the producer's ledger lock: never more than the sale took less what was refunded from it already (MORE_THAN_PAID),
 * and the same refund again answers the row recorded the first time.
 */
@Component
public class LedgerRefunds {

    private final MoneyRows ledger;
    private final Catalog catalog;
    private final TransactionalOperator transactions;

    LedgerRefunds(MoneyRows ledger, Catalog catalog, TransactionalOperator transactions) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.transactions = transactions;
    }

    /** Part of one order line's goods given back (a complaint), from the sale of the line's OCOP group in its parcel. */
    public Mono<MoneyEvent> line(vn.ocop.orders.OrderId order, java.util.UUID fulfilment, ProductId product, Vnd goods, String source,
                                 java.time.OffsetDateTime at, String by) {
        return catalog.groupsOf(List.of(product))
                .map(groups -> groups.getOrDefault(product, OcopGroup.FOOD))
                .flatMap(group -> refund(new PartRefund(order, fulfilment, group, goods, new Vnd(0), source, at), by));
    }

    /** A cancelled parcel's shipping fee given back, from the parcel's sale that carried it; nothing when none did. */
    public Mono<MoneyEvent> shipping(vn.ocop.orders.OrderId order, java.util.UUID fulfilment, Vnd shipping, String source,
                                     java.time.OffsetDateTime at, String by) {
        return ledger.shippingSale(order, fulfilment)
                .flatMap(sale -> refund(new PartRefund(order, fulfilment, sale.group(), new Vnd(0), shipping, source, at), by));
    }

    /** A paid card order refunded in full (Stripe refund {@code refundId}): each parcel's payment given back, once per refund. */
    public Mono<Long> wholeCardOrder(vn.ocop.orders.OrderId order, String refundId, java.time.OffsetDateTime at) {
        return ledger.mirrorCardRefund(order, refundId, at, "stripe");
    }

    public Mono<MoneyEvent> refund(PartRefund refund, String by) {
        return ledger.sale(refund.order(), refund.fulfilment(), refund.group())
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.INVALID_STATE, "nothing was paid for this part of the order")))
                .flatMap(sale -> transactions.transactional(ledger.lockExclusively(sale.producer())
                        .then(ledger.byId(id(refund, sale)))
                        .switchIfEmpty(Mono.defer(() -> record(refund, sale, by)))));
    }

    private Mono<MoneyEvent> record(PartRefund refund, MoneyEvent sale, String by) {
        return ledger.refunded(sale).flatMap(earlier -> {
            long left = sale.amount().dong() - earlier;
            if (refund.amount().dong() > left || refund.goods().dong() > sale.goods().dong() || refund.shipping().dong() > sale.shipping().dong()) {
                return Mono.error(new OrdersException(OrdersErrorCode.MORE_THAN_PAID, "this part of the order took " + sale.amount().dong()
                        + " đồng, " + earlier + " of it refunded already: " + refund.amount().dong() + " cannot be given back"));
            }
            MoneyEvent row = new MoneyEvent(id(refund, sale), sale.kind() == MoneyKind.CARD_PAID ? MoneyKind.CARD_REFUNDED : MoneyKind.REFUND,
                    sale.producer(), sale.order(), sale.fulfilment(), null, sale.channel(), sale.location(), sale.group(), refund.goods(),
                    refund.shipping(), refund.amount(), sale.holder(), sale.pricedOn(), refund.at(), sale.reference(), refund.source());
            return ledger.append(List.of(row), by).then(ledger.byId(row.id()));
        });
    }

    private static java.util.UUID id(PartRefund refund, MoneyEvent sale) {
        return MoneyIds.of("REFUND:" + refund.source() + ":" + sale.id());
    }
}

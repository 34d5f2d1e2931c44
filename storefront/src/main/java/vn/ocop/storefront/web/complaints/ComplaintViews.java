package vn.ocop.storefront.web.complaints;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.Complaint;
import vn.ocop.orders.ComplaintReason;
import vn.ocop.orders.ComplaintStatus;
import vn.ocop.orders.RefundVia;

/** What each reader sees of a complaint: the shopper, the producer of its line (no shopper's name or e-mail), ADMIN. */
final class ComplaintViews {

    private ComplaintViews() {
    }

    /** One step of the thread; {@code by} is left out of the producer's view for the shopper's steps. */
    record EntryJson(int seq, OffsetDateTime at, Complaint.Entry.Kind kind, Complaint.Party party, String by, String text, Long amountVnd,
                     UUID returnToLocationId) {
        static List<EntryJson> of(Complaint c, boolean hideShopper) {
            return c.thread().stream().map(e -> new EntryJson(e.seq(), e.at(), e.kind(), e.party(),
                    hideShopper && e.party() == Complaint.Party.SHOPPER ? null : e.by(), e.text(), dong(e.amount()), locationId(e.returnTo()))).toList();
        }
    }

    /** The shopper's view: their complaint, the offer, the refund and how it goes back. */
    record ShopperComplaintJson(UUID id, UUID orderId, int line, String product, int quantity, long lineTotalVnd, ComplaintReason reason,
                                ComplaintStatus status, Long offerVnd, UUID offerReturnToLocationId, Long refundVnd, UUID returnToLocationId,
                                RefundVia refundVia, UUID cardRefundId, OffsetDateTime paidBackAt, OffsetDateTime openedAt, List<EntryJson> thread) {
        static ShopperComplaintJson of(Complaint c) {
            return new ShopperComplaintJson(c.id().value(), c.order().value(), c.line(), c.productName(), c.quantity(), c.lineTotal().dong(), c.reason(),
                    c.status(), dong(c.offer()), locationId(c.offerReturnTo()), dong(c.refund()), locationId(c.returnTo()), c.via(), c.cardRefund(), c.paidBackAt(),
                    c.openedAt(), EntryJson.of(c, false));
        }
    }

    /** The producer's view: its line, never who the shopper is (the parcel view already has the delivery's recipient). */
    record ProducerComplaintJson(UUID id, UUID orderId, UUID fulfilmentId, int line, String product, int quantity, long lineTotalVnd,
                                 ComplaintReason reason, ComplaintStatus status, Long offerVnd, UUID offerReturnToLocationId, Long refundVnd,
                                 UUID returnToLocationId, RefundVia refundVia, boolean owedByYou, OffsetDateTime paidBackAt, OffsetDateTime openedAt,
                                 List<EntryJson> thread) {
        static ProducerComplaintJson of(Complaint c) {
            return new ProducerComplaintJson(c.id().value(), c.order().value(), c.fulfilment(), c.line(), c.productName(), c.quantity(),
                    c.lineTotal().dong(), c.reason(), c.status(), dong(c.offer()), locationId(c.offerReturnTo()), dong(c.refund()), locationId(c.returnTo()), c.via(),
                    c.owed() && c.via() == RefundVia.PRODUCER, c.paidBackAt(), c.openedAt(), EntryJson.of(c, true));
        }
    }

    /** ADMIN's view: everything, with the shopper's account, the producer and who holds the money. */
    record AdminComplaintJson(UUID id, UUID orderId, UUID accountId, UUID producerId, UUID fulfilmentId, int line, String product, int quantity,
                              long lineTotalVnd, ComplaintReason reason, ComplaintStatus status, Long offerVnd, UUID offerReturnToLocationId,
                              Long refundVnd, UUID returnToLocationId, RefundVia refundVia, UUID holderLocationId, UUID cardRefundId, boolean owed,
                              OffsetDateTime paidBackAt, OffsetDateTime openedAt, List<EntryJson> thread) {
        static AdminComplaintJson of(Complaint c) {
            return new AdminComplaintJson(c.id().value(), c.order().value(), c.account(), c.producer().value(), c.fulfilment(), c.line(), c.productName(),
                    c.quantity(), c.lineTotal().dong(), c.reason(), c.status(), dong(c.offer()), locationId(c.offerReturnTo()), dong(c.refund()), locationId(c.returnTo()),
                    c.via(), locationId(c.holder()), c.cardRefund(), c.owed(), c.paidBackAt(), c.openedAt(), EntryJson.of(c, false));
        }
    }

    private static Long dong(Vnd v) {
        return v == null ? null : v.dong();
    }

    private static UUID locationId(LocationId l) {
        return l == null ? null : l.value();
    }
}

package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;

/**
 * A shopper's complaint about one order line and its rules. It is opened within {@value #DAYS} days (Asia/Ho_Chi_Minh
 * calendar days) of its parcel's delivery or collection; the producer offers a refund (at most the line's total,
 * optionally with the goods returned to a location) or disputes it; the shopper accepts the offer or escalates it;
 * ADMIN decides disputed and escalated ones (0 rejects). A resolved refund that is not paid by card is owed by who
 * holds the money ({@link RefundVia}) until marked paid back. Every move checks the state it leaves and answers
 * the complaint after it with the step in its thread; a wrong move is an {@link OrdersException} and changes nothing.
 */
public record Complaint(ComplaintId id, OrderId order, UUID account, UUID fulfilment, ProducerId producer, int line, ProductId product,
                        String productName, int quantity, Vnd lineTotal, ComplaintReason reason, ComplaintStatus status, RefundVia via,
                        LocationId holder, Vnd offer, LocationId offerReturnTo, Vnd refund, LocationId returnTo, UUID cardRefund,
                        OffsetDateTime paidBackAt, OffsetDateTime openedAt, int version, List<Entry> thread) {

    public static final int DAYS = 7;
    public static final int MAX_PHOTOS = 3;
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Who took a step. */
    public enum Party { SHOPPER, PRODUCER, ADMIN }

    /** One step of the thread: what happened, who, their text, and the amount and return location it named. */
    public record Entry(int seq, OffsetDateTime at, Kind kind, Party party, String by, String text, Vnd amount, LocationId returnTo) {
        public enum Kind { OPENED, OFFERED, DISPUTED, ACCEPTED, ESCALATED, DECIDED, PAID_BACK }
    }

    public Complaint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        thread = List.copyOf(thread);
    }

    /**
     * Opens a complaint on the order's line {@code lineNo} (the caller checked the order is the shopper's): NOT_FOUND
     * for no such line, INVALID_STATE when it was not delivered or collected, COMPLAINT_DEADLINE_PASSED after
     * {@value #DAYS} days, INVALID_REQUEST for a text outside 10..2000 characters or more than 3 photos.
     */
    public static Complaint open(ComplaintId id, Order order, int lineNo, ComplaintReason reason, String text, int photos, String by,
                                 OffsetDateTime now) {
        Order.Line line = order.lines().stream().filter(l -> l.number() == lineNo).findFirst()
                .orElseThrow(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "line " + lineNo + " of this order not found"));
        Fulfilment parcel = order.fulfilments().stream().filter(f -> f.lines().contains(line)).findFirst().orElseThrow();
        if (reason == null) {
            throw invalid("choose why you complain: WRONG_ITEM, DAMAGED, NOT_AS_DESCRIBED or NOT_RECEIVED");
        }
        String said = text(text, "describe the problem");
        if (photos > MAX_PHOTOS) {
            throw invalid("at most " + MAX_PHOTOS + " photos");
        }
        OffsetDateTime received = order.history().stream()
                .filter(e -> parcel.id().equals(e.fulfilment()) && (e.kind() == OrderEvent.Kind.DELIVERED || e.kind() == OrderEvent.Kind.HANDED_OVER))
                .map(OrderEvent::at).findFirst().orElse(null);
        if (!line.open()) {
            throw new OrdersException(OrdersErrorCode.INVALID_STATE, "this line was cancelled before it left: nothing of it was received or paid");
        }
        if (parcel.status() != FulfilmentStatus.COMPLETED || received == null) {
            throw new OrdersException(OrdersErrorCode.INVALID_STATE, "this line has not been delivered or collected yet: a complaint can be opened once it has");
        }
        if (now.atZoneSameInstant(VIETNAM).toLocalDate().isAfter(deadline(received))) {
            throw new OrdersException(OrdersErrorCode.COMPLAINT_DEADLINE_PASSED, "complaints are opened within " + DAYS
                    + " days of delivery or collection: the last day for this line was " + deadline(received));
        }
        RefundVia via = RefundVia.of(order.payment());
        Entry opened = new Entry(1, now, Entry.Kind.OPENED, Party.SHOPPER, by, said, null, null);
        return new Complaint(id, order.id(), order.account(), parcel.id(), parcel.producer(), lineNo, line.product(), line.name(), line.quantity(),
                line.total(), reason, ComplaintStatus.OPEN, via, via == RefundVia.SHOWROOM ? order.destination().pickupAt() : null, null, null, null, null, null,
                null, now, 0, List.of(opened));
    }

    /** The last day (in Vietnam) a complaint may be opened about a parcel received at {@code received}. */
    public static java.time.LocalDate deadline(OffsetDateTime received) {
        return received.atZoneSameInstant(VIETNAM).toLocalDate().plusDays(DAYS);
    }

    /** The producer accepts: offers {@code amount} (1 đồng to the line's total), optionally asking for the goods back. */
    public Complaint offer(Vnd amount, LocationId returnGoodsTo, String text, String by, OffsetDateTime at) {
        require(EnumSet.of(ComplaintStatus.OPEN), "offer a refund");
        requireAmount(amount, false);
        String said = text == null || text.isBlank() ? null : text(text, "explain the offer");
        return next(ComplaintStatus.OFFERED, amount, returnGoodsTo, refund, returnTo, paidBackAt,
                new Entry(0, at, Entry.Kind.OFFERED, Party.PRODUCER, by, said, amount, returnGoodsTo));
    }

    /** The producer disputes it, saying why; ADMIN decides. */
    public Complaint dispute(String text, String by, OffsetDateTime at) {
        require(EnumSet.of(ComplaintStatus.OPEN), "dispute it");
        String said = text(text, "say why you dispute the complaint");
        return next(ComplaintStatus.DISPUTED, offer, offerReturnTo, refund, returnTo, paidBackAt,
                new Entry(0, at, Entry.Kind.DISPUTED, Party.PRODUCER, by, said, null, null));
    }

    /** The shopper accepts the producer's offer: it is the refund. */
    public Complaint acceptOffer(String by, OffsetDateTime at) {
        require(EnumSet.of(ComplaintStatus.OFFERED), "accept an offer");
        return next(ComplaintStatus.RESOLVED, offer, offerReturnTo, offer, offerReturnTo, paidBackAt,
                new Entry(0, at, Entry.Kind.ACCEPTED, Party.SHOPPER, by, null, offer, offerReturnTo));
    }

    /** The shopper does not accept the offer: ADMIN decides. */
    public Complaint escalate(String text, String by, OffsetDateTime at) {
        require(EnumSet.of(ComplaintStatus.OFFERED), "escalate it");
        String said = text == null || text.isBlank() ? null : text(text, "say why");
        return next(ComplaintStatus.ESCALATED, offer, offerReturnTo, refund, returnTo, paidBackAt,
                new Entry(0, at, Entry.Kind.ESCALATED, Party.SHOPPER, by, said, null, null));
    }

    /** ADMIN decides a disputed or escalated complaint: {@code amount} back (0 rejects it), why, and where the goods go, if back. */
    public Complaint decide(Vnd amount, String why, LocationId returnGoodsTo, String by, OffsetDateTime at) {
        require(EnumSet.of(ComplaintStatus.DISPUTED, ComplaintStatus.ESCALATED), "decide it");
        requireAmount(amount, true);
        String said = text(why, "give the reason for the decision");
        ComplaintStatus to = amount.dong() == 0 ? ComplaintStatus.REJECTED : ComplaintStatus.RESOLVED;
        return next(to, offer, offerReturnTo, amount, returnGoodsTo, paidBackAt,
                new Entry(0, at, Entry.Kind.DECIDED, Party.ADMIN, by, said, amount, returnGoodsTo));
    }

    /** Whoever holds the money (producer for COD, showroom for cash at pickup) paid the refund back. */
    public Complaint markPaidBack(Party party, String by, OffsetDateTime at) {
        if (status != ComplaintStatus.RESOLVED || via == RefundVia.CARD || paidBackAt != null) {
            throw new OrdersException(OrdersErrorCode.INVALID_STATE, via == RefundVia.CARD ? "a card refund goes back through Stripe"
                    : "only a resolved refund not yet paid back can be marked paid back; this complaint is " + status
                    + (paidBackAt != null ? " and was paid back" : ""));
        }
        return next(status, offer, offerReturnTo, refund, returnTo, at, new Entry(0, at, Entry.Kind.PAID_BACK, party, by, null, refund, null));
    }

    /** Money to go back: resolved with a refund. */
    public boolean refunds() {
        return status == ComplaintStatus.RESOLVED && refund != null && refund.dong() > 0;
    }

    /** Owed and not yet paid back (cash held by the producer or a showroom). */
    public boolean owed() {
        return refunds() && via != RefundVia.CARD && paidBackAt == null;
    }

    public OffsetDateTime updatedAt() {
        return thread.get(thread.size() - 1).at();
    }

    private void require(Set<ComplaintStatus> from, String what) {
        if (!from.contains(status)) {
            throw new OrdersException(OrdersErrorCode.INVALID_STATE, "this complaint is " + status + ": you cannot " + what + " now");
        }
    }

    private void requireAmount(Vnd amount, boolean zeroAllowed) {
        if (amount == null || amount.dong() < 0 || (!zeroAllowed && amount.dong() == 0)) {
            throw invalid(zeroAllowed ? "a refund is 0 (rejected) or more đồng" : "offer 1 đồng or more");
        }
        if (amount.dong() > lineTotal.dong()) {
            throw new OrdersException(OrdersErrorCode.REFUND_EXCEEDS_LINE, "a refund is at most the line's total, " + lineTotal.dong() + " đồng");
        }
    }

    private Complaint next(ComplaintStatus to, Vnd offer, LocationId offerReturnTo, Vnd refund, LocationId returnTo, OffsetDateTime paidBack,
                           Entry entry) {
        List<Entry> steps = new ArrayList<>(thread);
        steps.add(new Entry(thread.size() + 1, entry.at(), entry.kind(), entry.party(), entry.by(), entry.text(), entry.amount(), entry.returnTo()));
        return new Complaint(id, order, account, fulfilment, producer, line, product, productName, quantity, lineTotal, reason, to, via, holder,
                offer, offerReturnTo, refund, returnTo, cardRefund, paidBack, openedAt, version, steps);
    }

    private static String text(String text, String what) {
        String t = text == null ? "" : text.strip();
        if (t.length() < 10 || t.length() > 2000) {
            throw invalid(what + " in 10 to 2000 characters");
        }
        return t;
    }

    private static OrdersException invalid(String why) {
        return new OrdersException(OrdersErrorCode.INVALID_REQUEST, why);
    }
}

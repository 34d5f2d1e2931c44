package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ocop.orders.OrderFixtures.parcel;

import java.time.OffsetDateTime;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.Vnd;

/** The complaint's own rules, in memory: when it may be opened, and each move from the states it may leave. */
class ComplaintTests {

    static final OffsetDateTime DELIVERED = OffsetDateTime.parse("2026-12-02T22:30:00+07:00");
    static final String TEXT = "Hũ mật ong bị vỡ khi nhận hàng";

    @Test
    void aComplaintOpensOnADeliveredLineUntilTheSeventhDayAfterInVietnam() {
        Order order = delivered(PaymentMethod.COD);
        // delivered 2 Dec 22:30 in Vietnam: the 9th is the last day, whatever the hour
        OffsetDateTime lastMinute = OffsetDateTime.parse("2026-12-09T16:59:00Z");
        Complaint c = Complaint.open(ComplaintId.random(), order, 1, ComplaintReason.DAMAGED, TEXT, 2, "mai", lastMinute);

        assertThat(c.status()).isEqualTo(ComplaintStatus.OPEN);
        assertThat(c.lineTotal()).isEqualTo(new Vnd(200_000));
        assertThat(c.via()).as("cash on delivery is held by the producer").isEqualTo(RefundVia.PRODUCER);
        refused(() -> Complaint.open(ComplaintId.random(), order, 1, ComplaintReason.DAMAGED, TEXT, 0, "mai", lastMinute.plusMinutes(2)),
                OrdersErrorCode.COMPLAINT_DEADLINE_PASSED);
    }

    @Test
    void aLineNotYetDeliveredOrBadInputCannotBeComplainedAbout() {
        Order shipped = OrderFixtures.standingAt(FulfilmentStatus.SHIPPED, false, PaymentMethod.COD);
        refused(() -> Complaint.open(ComplaintId.random(), shipped, 1, ComplaintReason.NOT_RECEIVED, TEXT, 0, "mai", DELIVERED), OrdersErrorCode.INVALID_STATE);
        Order order = delivered(PaymentMethod.CARD);
        refused(() -> Complaint.open(ComplaintId.random(), order, 1, ComplaintReason.DAMAGED, "quá ngắn", 0, "mai", DELIVERED), OrdersErrorCode.INVALID_REQUEST);
        refused(() -> Complaint.open(ComplaintId.random(), order, 1, null, TEXT, 0, "mai", DELIVERED), OrdersErrorCode.INVALID_REQUEST);
        refused(() -> Complaint.open(ComplaintId.random(), order, 1, ComplaintReason.DAMAGED, TEXT, 4, "mai", DELIVERED), OrdersErrorCode.INVALID_REQUEST);
        refused(() -> Complaint.open(ComplaintId.random(), order, 9, ComplaintReason.DAMAGED, TEXT, 0, "mai", DELIVERED), OrdersErrorCode.NOT_FOUND);
    }

    @Test
    void anAcceptedOfferIsTheRefundAndNothingMovesAfterIt() {
        Complaint open = opened(PaymentMethod.CARD);
        LocationId warehouse = LocationId.random();
        Complaint offered = open.offer(new Vnd(150_000), warehouse, null, "htx", DELIVERED.plusDays(1));
        Complaint resolved = offered.acceptOffer("mai", DELIVERED.plusDays(2));

        assertThat(resolved.status()).isEqualTo(ComplaintStatus.RESOLVED);
        assertThat(resolved.refund()).isEqualTo(new Vnd(150_000));
        assertThat(resolved.returnTo()).isEqualTo(warehouse);
        assertThat(resolved.thread()).extracting(Complaint.Entry::kind)
                .containsExactly(Complaint.Entry.Kind.OPENED, Complaint.Entry.Kind.OFFERED, Complaint.Entry.Kind.ACCEPTED);
        refused(() -> resolved.escalate(null, "mai", DELIVERED), OrdersErrorCode.INVALID_STATE);
        refused(() -> resolved.decide(new Vnd(1), "quyết định của sàn", null, "admin", DELIVERED), OrdersErrorCode.INVALID_STATE);
        refused(() -> resolved.markPaidBack(Complaint.Party.ADMIN, "admin", DELIVERED), OrdersErrorCode.INVALID_STATE);
    }

    @Test
    void anOfferIsAtMostTheLineAndAtLeastOneDong() {
        Complaint open = opened(PaymentMethod.COD);
        refused(() -> open.offer(new Vnd(200_001), null, null, "htx", DELIVERED), OrdersErrorCode.REFUND_EXCEEDS_LINE);
        refused(() -> open.offer(new Vnd(0), null, null, "htx", DELIVERED), OrdersErrorCode.INVALID_REQUEST);
        refused(() -> open.acceptOffer("mai", DELIVERED), OrdersErrorCode.INVALID_STATE);
    }

    @Test
    void adminDecidesDisputedAndEscalatedComplaintsOnceAndZeroRejects() {
        Complaint disputed = opened(PaymentMethod.COD).dispute("Hàng giao nguyên vẹn, có ảnh", "htx", DELIVERED.plusDays(1));
        Complaint rejected = disputed.decide(new Vnd(0), "Ảnh cho thấy hàng nguyên vẹn", null, "admin", DELIVERED.plusDays(3));
        assertThat(rejected.status()).isEqualTo(ComplaintStatus.REJECTED);
        assertThat(rejected.refunds()).isFalse();

        Complaint escalated = opened(PaymentMethod.COD).offer(new Vnd(50_000), null, "Hoàn một phần", "htx", DELIVERED).escalate(null, "mai", DELIVERED);
        Complaint decided = escalated.decide(new Vnd(200_000), "Hàng vỡ toàn bộ, hoàn đủ", null, "admin", DELIVERED.plusDays(3));
        assertThat(decided.status()).isEqualTo(ComplaintStatus.RESOLVED);
        assertThat(decided.owed()).as("COD: owed by the producer until paid back").isTrue();
        refused(() -> decided.decide(new Vnd(1), "lần thứ hai nữa", null, "admin", DELIVERED), OrdersErrorCode.INVALID_STATE);
        refused(() -> escalated.decide(new Vnd(200_001), "nhiều hơn dòng hàng", null, "admin", DELIVERED), OrdersErrorCode.REFUND_EXCEEDS_LINE);

        Complaint paidBack = decided.markPaidBack(Complaint.Party.PRODUCER, "htx", DELIVERED.plusDays(4));
        assertThat(paidBack.owed()).isFalse();
        refused(() -> paidBack.markPaidBack(Complaint.Party.PRODUCER, "htx", DELIVERED), OrdersErrorCode.INVALID_STATE);
    }

    @Test
    void aCardRefundIsNeverMarkedPaidBackByHand() {
        Complaint resolved = opened(PaymentMethod.CARD).offer(new Vnd(10_000), null, null, "htx", DELIVERED).acceptOffer("mai", DELIVERED);
        refused(() -> resolved.markPaidBack(Complaint.Party.ADMIN, "admin", DELIVERED), OrdersErrorCode.INVALID_STATE);
    }

    @Test
    void aRefundOfAPickupPaidAtTheCounterIsOwedByTheShowroomThatTookTheMoney() {
        Order placed = OrderFixtures.pickup(PaymentMethod.PAY_AT_PICKUP, parcel(100_000, 1, 0));
        java.util.UUID f = placed.fulfilments().get(0).id();
        Order collected = placed.markReadyForPickup(f, Actor.producer("htx"), DELIVERED.minusDays(1))
                .handOver(MoneyTaken.Method.CASH, placed.dueAtPickup(), Actor.staff("quầy"), DELIVERED);

        Complaint c = Complaint.open(ComplaintId.random(), collected, 1, ComplaintReason.NOT_AS_DESCRIBED, TEXT, 0, "mai", DELIVERED.plusDays(7));

        assertThat(c.via()).isEqualTo(RefundVia.SHOWROOM);
        assertThat(c.holder()).isEqualTo(placed.destination().pickupAt());
    }

    private static Complaint opened(PaymentMethod payment) {
        return Complaint.open(ComplaintId.random(), delivered(payment), 1, ComplaintReason.DAMAGED, TEXT, 0, "mai", DELIVERED.plusDays(1));
    }

    /** A one-line delivery of 2 × 100,000 đồng, delivered at {@link #DELIVERED}. */
    static Order delivered(PaymentMethod payment) {
        Order o = OrderFixtures.delivery(payment, parcel(100_000, 2, 20_000));
        if (payment == PaymentMethod.CARD) {
            o = o.markPaid(DELIVERED.minusDays(3));
        }
        java.util.UUID f = o.fulfilments().get(0).id();
        Actor htx = Actor.producer("htx");
        o = o.confirm(f, htx, DELIVERED.minusDays(2)).ship(f, htx, DELIVERED.minusDays(1));
        return o.deliver(f, payment == PaymentMethod.COD ? o.fulfilments().get(0).total() : null, htx, DELIVERED);
    }

    private static void refused(ThrowingCallable call, OrdersErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}

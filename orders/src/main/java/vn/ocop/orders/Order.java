package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;

/**
 * An order and its rules. It is split into fulfilments (parcels: one producer's lines from one location), each
 * moving on its own ({@link FulfilmentStep}); once paid, the order stands where its least advanced parcel stands.
 * Every move is a method that checks the state it leaves, the kind of order (delivery or pickup) and the money
 * taken, and answers the order after it with the step written in its history; a wrong move is an
 * {@link OrdersException} and changes nothing. While its card payment is disputed the order is held: nothing of it
 * is shipped or handed over (DISPUTED).
 */
public record Order(OrderId id, String code, UUID account, OrderStatus status, PaymentMethod payment, Contact contact,
                    Destination destination, String pickupCode, OffsetDateTime pickupDeadline, List<Fulfilment> fulfilments,
                    OffsetDateTime placedAt, String requestHash, OffsetDateTime paidAt, List<OrderEvent> history, CardDispute dispute) {

    /**
     * One line: what was bought, at which price, the ledger movement that set its stock aside, and why it was
     * cancelled alone, if it was (null while it is open).
     */
    public record Line(int number, ProductId product, String name, Vnd unitPrice, int quantity, UUID reserveMovement, CancelReason cancelled) {

        /** An open line. */
        public Line(int number, ProductId product, String name, Vnd unitPrice, int quantity, UUID reserveMovement) {
            this(number, product, name, unitPrice, quantity, reserveMovement, null);
        }

        public Vnd total() {
            return unitPrice.times(quantity);
        }

        public boolean open() {
            return cancelled == null;
        }

        Line cancelledFor(CancelReason reason) {
            return new Line(number, product, name, unitPrice, quantity, reserveMovement, reason);
        }
    }

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        fulfilments = List.copyOf(fulfilments);
        history = List.copyOf(history);
    }

    /** Every line, in line order. */
    public List<Line> lines() {
        return fulfilments.stream().flatMap(f -> f.lines().stream()).sorted(Comparator.comparingInt(Line::number)).toList();
    }

    public Vnd linesTotal() {
        return fulfilments.stream().map(Fulfilment::linesTotal).reduce(new Vnd(0), Vnd::plus);
    }

    public Vnd shipping() {
        return fulfilments.stream().map(Fulfilment::shipping).reduce(new Vnd(0), Vnd::plus);
    }

    /** What the shopper pays: the lines and every parcel's shipping fee. */
    public Vnd total() {
        return linesTotal().plus(shipping());
    }

    public boolean pickup() {
        return destination.isPickup();
    }

    public Optional<Fulfilment> fulfilment(UUID fulfilment) {
        return fulfilments.stream().filter(f -> f.id().equals(fulfilment)).findFirst();
    }

    /** What is still to be taken for a parcel: all of it for cash on delivery or at pickup, nothing when paid by card. */
    public Vnd dueFor(Fulfilment f) {
        return payment == PaymentMethod.CARD || f.taken() != null ? new Vnd(0) : f.total();
    }

    /** What staff take at the handover: every parcel's due. */
    public Vnd dueAtPickup() {
        return fulfilments.stream().filter(f -> f.status() != FulfilmentStatus.CANCELLED).map(this::dueFor).reduce(new Vnd(0), Vnd::plus);
    }

    /** Held by a dispute of its card payment that is still open (or was lost): not shipped, not handed over. */
    public boolean held() {
        return dispute != null && dispute.holds();
    }

    /** The cancellation, if it was cancelled: when, by whom and why (a parcel cancelled alone is not the order's). */
    public Optional<OrderEvent> cancellation() {
        return history.stream().filter(e -> e.kind() == OrderEvent.Kind.CANCELLED && e.fulfilment() == null).findFirst();
    }

    /** The producer (or the showroom holding its goods) has them: a delivery is to be shipped. */
    public Order confirm(UUID fulfilment, Actor by, OffsetDateTime at) {
        return step(fulfilment, FulfilmentStep.CONFIRM, null, by, at, OrderEvent.Kind.CONFIRMED);
    }

    /** A pickup's goods wait at the outlet. */
    public Order markReadyForPickup(UUID fulfilment, Actor by, OffsetDateTime at) {
        return step(fulfilment, FulfilmentStep.MARK_READY, null, by, at, OrderEvent.Kind.READY_FOR_PICKUP);
    }

    public Order ship(UUID fulfilment, Actor by, OffsetDateTime at) {
        requireNotHeld("shipped");
        return step(fulfilment, FulfilmentStep.SHIP, null, by, at, OrderEvent.Kind.SHIPPED);
    }

    /**
     * The carrier delivered the parcel. Cash on delivery: {@code collected} is what it took, exactly the parcel's
     * due (its lines and shipping fee); a different amount is AMOUNT_MISMATCH. Paid by card: nothing is collected.
     */
    public Order deliver(UUID fulfilment, Vnd collected, Actor by, OffsetDateTime at) {
        Fulfilment f = allowed(fulfilment, FulfilmentStep.DELIVER);
        MoneyTaken money = null;
        if (payment == PaymentMethod.COD) {
            Vnd due = dueFor(f);
            if (collected == null) {
                throw new OrdersException(OrdersErrorCode.INVALID_REQUEST, "say how much was collected on delivery: " + due.dong() + " đồng are due");
            }
            if (!collected.equals(due)) {
                throw new OrdersException(OrdersErrorCode.AMOUNT_MISMATCH, "this parcel is " + due.dong() + " đồng on delivery, not " + collected.dong());
            }
            money = new MoneyTaken(MoneyTaken.Method.CASH, collected, at, by);
        } else if (collected != null && collected.dong() != 0) {
            throw new OrdersException(OrdersErrorCode.AMOUNT_MISMATCH, "this order was paid by card: nothing is collected on delivery");
        }
        return step(fulfilment, FulfilmentStep.DELIVER, money, by, at, OrderEvent.Kind.DELIVERED);
    }

    /**
     * Staff hand a pickup over: every parcel must be ready (its producer, or the showroom for goods it holds,
     * confirmed it), else INVALID_STATE. Paying at pickup: {@code method} and {@code amount} are what staff took,
     * exactly what is due (AMOUNT_MISMATCH otherwise); paid by card: nothing is taken.
     */
    public Order handOver(MoneyTaken.Method method, Vnd amount, Actor by, OffsetDateTime at) {
        requireOpen("hand over");
        requireNotHeld("handed over");
        if (!pickup()) {
            throw refused("a delivery is shipped, not handed over");
        }
        List<Fulfilment> open = fulfilments.stream().filter(f -> f.status() != FulfilmentStatus.CANCELLED).toList();
        long notReady = open.stream().filter(f -> !FulfilmentStep.HAND_OVER.from().contains(f.status())).count();
        if (notReady > 0) {
            throw refused(notReady + " of " + open.size() + " parts of this order are not ready for pickup yet: its producer or the showroom must confirm them first");
        }
        Vnd due = dueAtPickup();
        if (payment == PaymentMethod.PAY_AT_PICKUP) {
            if (method == null || amount == null) {
                throw new OrdersException(OrdersErrorCode.INVALID_REQUEST, "record the payment taken: " + due.dong() + " đồng, in cash or by bank transfer");
            }
            if (!amount.equals(due)) {
                throw new OrdersException(OrdersErrorCode.AMOUNT_MISMATCH, "this order is " + due.dong() + " đồng to pay at pickup, not " + amount.dong());
            }
        } else if (amount != null && amount.dong() != 0) {
            throw new OrdersException(OrdersErrorCode.AMOUNT_MISMATCH, "this order was paid by card: nothing is taken at pickup");
        }
        Order after = this;
        for (Fulfilment f : open) {
            MoneyTaken money = payment == PaymentMethod.PAY_AT_PICKUP ? new MoneyTaken(method, dueFor(f), at, by) : null;
            after = after.with(f.moved(FulfilmentStep.HAND_OVER.to(), money)).record(at, f.id(), OrderEvent.Kind.HANDED_OVER, by, null);
        }
        return after.settled();
    }

    /** Cancels before anything has left; INVALID_STATE once a parcel shipped or was collected. */
    public Order cancel(CancelReason reason, Actor by, OffsetDateTime at) {
        Objects.requireNonNull(reason, "reason");
        boolean anyLeft = fulfilments.stream().anyMatch(f -> f.status() != FulfilmentStatus.CANCELLED && !FulfilmentStep.CANCEL.from().contains(f.status()));
        if (!OrderStep.CANCEL.from().contains(status) || anyLeft) {
            throw refused("an order that is " + status + " can no longer be cancelled");
        }
        List<Fulfilment> cancelled = fulfilments.stream().map(f -> f.status() == FulfilmentStatus.CANCELLED ? f : f.moved(FulfilmentStatus.CANCELLED, null)).toList();
        return new Order(id, code, account, OrderStatus.CANCELLED, payment, contact, destination, pickupCode, pickupDeadline, cancelled,
                placedAt, requestHash, paidAt, history, dispute).record(at, null, OrderEvent.Kind.CANCELLED, by, reason);
    }

    /**
     * Cancels one parcel before it leaves, for the system's reason (a recalled lot it had set aside): its stock goes
     * back and its amount is no longer due (a card order is refunded that much). The whole order is cancelled instead
     * when nothing else of it is open or when it still waits for its card payment. INVALID_STATE once the parcel left.
     */
    public Order cancelParcel(UUID fulfilment, CancelReason reason, Actor by, OffsetDateTime at) {
        Objects.requireNonNull(reason, "reason");
        Fulfilment f = own(fulfilment);
        if (f.status() == FulfilmentStatus.CANCELLED || status == OrderStatus.CANCELLED) {
            return this;
        }
        boolean othersOpen = fulfilments.stream().anyMatch(o -> !o.id().equals(fulfilment) && o.status() != FulfilmentStatus.CANCELLED);
        if (!othersOpen || status == OrderStatus.PENDING_PAYMENT) {
            return cancel(reason, by, at);
        }
        allowed(fulfilment, FulfilmentStep.CANCEL);
        return with(f.moved(FulfilmentStatus.CANCELLED, null)).record(at, f.id(), OrderEvent.Kind.CANCELLED, by, reason).settled();
    }

    /**
     * Cancels one line before its parcel leaves, for the system's reason (a recalled lot set aside for it that no other
     * lot could replace): its stock goes back, its amount is no longer due (a card order is refunded that much) and
     * the rest of its parcel goes on. When it was its parcel's last open line the parcel is cancelled with it, and the
     * order when nothing else of it is open. An order still waiting for its card payment is cancelled whole (the amount
     * asked of the card is the whole order's). The same line again changes nothing; INVALID_STATE once its parcel left.
     */
    public Order cancelLine(int number, CancelReason reason, Actor by, OffsetDateTime at) {
        Objects.requireNonNull(reason, "reason");
        Fulfilment f = fulfilments.stream().filter(p -> p.lines().stream().anyMatch(l -> l.number() == number)).findFirst()
                .orElseThrow(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "line " + number + " not found"));
        Line line = f.lines().stream().filter(l -> l.number() == number).findFirst().orElseThrow();
        if (!line.open() || f.status() == FulfilmentStatus.CANCELLED || status == OrderStatus.CANCELLED) {
            return this;
        }
        if (status == OrderStatus.PENDING_PAYMENT) {
            return cancel(reason, by, at);
        }
        allowed(f.id(), FulfilmentStep.CANCEL);
        Fulfilment next = f.withLines(f.lines().stream().map(l -> l.number() == number ? l.cancelledFor(reason) : l).toList());
        Order after = with(next).record(at, f.id(), number, OrderEvent.Kind.LINE_CANCELLED, by, reason);
        return next.openLines().isEmpty() ? after.cancelParcel(f.id(), reason, by, at) : after.settled();
    }

    /** The numbers of the lines the move from {@code before} cancelled alone (open then, cancelled now). */
    public java.util.Set<Integer> linesCancelledSince(Order before) {
        java.util.Set<Integer> open = before.lines().stream().filter(Line::open).map(Line::number).collect(java.util.stream.Collectors.toSet());
        return lines().stream().filter(l -> !l.open() && open.contains(l.number())).map(Line::number).collect(java.util.stream.Collectors.toSet());
    }

    /** The card payment arrived: an order waiting for it is placed; a cancelled one stays cancelled (and is refunded). */
    public Order markPaid(OffsetDateTime at) {
        if (paidAt != null) {
            return this;
        }
        OrderStatus next = OrderStep.PAY.from().contains(status) ? OrderStatus.PLACED : status;
        return new Order(id, code, account, next, payment, contact, destination, pickupCode, pickupDeadline, fulfilments, placedAt,
                requestHash, at, history, dispute).record(at, null, OrderEvent.Kind.PAID, Actor.payment(), null);
    }

    private Order step(UUID fulfilment, FulfilmentStep step, MoneyTaken money, Actor by, OffsetDateTime at, OrderEvent.Kind kind) {
        Fulfilment f = allowed(fulfilment, step);
        return with(f.moved(step.to(), money)).record(at, f.id(), kind, by, null).settled();
    }

    /** The parcel, if this order may take that step for it now; else why not. */
    private Fulfilment allowed(UUID fulfilment, FulfilmentStep step) {
        Fulfilment f = own(fulfilment);
        String what = step.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        requireOpen(what);
        if (!step.fits(pickup())) {
            throw refused(pickup() ? "a pickup is made ready and handed over, not confirmed or shipped" : "a delivery is confirmed and shipped, not made ready for pickup");
        }
        if (!step.from().contains(f.status())) {
            throw refused("this part of the order is " + f.status() + ": it cannot " + what + " now");
        }
        return f;
    }

    private void requireOpen(String what) {
        if (status == OrderStatus.PENDING_PAYMENT) {
            throw refused("this order waits for its card payment: it cannot " + what + " yet");
        }
        if (status.finished()) {
            throw refused("this order is " + status + ": it cannot " + what);
        }
    }

    private void requireNotHeld(String what) {
        if (held()) {
            throw new OrdersException(OrdersErrorCode.DISPUTED, "the card payment of this order is disputed (" + dispute.reason()
                    + "): it is held and cannot be " + what + " until the dispute is settled");
        }
    }

    private Fulfilment own(UUID fulfilment) {
        return fulfilment(fulfilment).orElseThrow(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "fulfilment " + fulfilment + " not found"));
    }

    private Order with(Fulfilment changed) {
        List<Fulfilment> next = fulfilments.stream().map(f -> f.id().equals(changed.id()) ? changed : f).toList();
        return new Order(id, code, account, status, payment, contact, destination, pickupCode, pickupDeadline, next, placedAt, requestHash,
                paidAt, history, dispute);
    }

    private Order record(OffsetDateTime at, UUID fulfilment, OrderEvent.Kind kind, Actor by, CancelReason reason) {
        return record(at, fulfilment, null, kind, by, reason);
    }

    private Order record(OffsetDateTime at, UUID fulfilment, Integer line, OrderEvent.Kind kind, Actor by, CancelReason reason) {
        List<OrderEvent> next = new ArrayList<>(history);
        next.add(new OrderEvent(history.size() + 1, at, fulfilment, kind, by, reason, line));
        return new Order(id, code, account, status, payment, contact, destination, pickupCode, pickupDeadline, fulfilments, placedAt,
                requestHash, paidAt, next, dispute);
    }

    /** Once paid, the order stands where its least advanced parcel stands. */
    private Order settled() {
        if (status == OrderStatus.PENDING_PAYMENT || status == OrderStatus.CANCELLED) {
            return this;
        }
        OrderStatus next = fulfilments.stream().map(Fulfilment::status).filter(s -> s != FulfilmentStatus.CANCELLED)
                .min(Comparator.comparingInt(FulfilmentStatus::progress)).map(FulfilmentStatus::asOrderStatus).orElse(status);
        return next == status ? this : new Order(id, code, account, next, payment, contact, destination, pickupCode, pickupDeadline,
                fulfilments, placedAt, requestHash, paidAt, history, dispute);
    }

    private static OrdersException refused(String why) {
        return new OrdersException(OrdersErrorCode.INVALID_STATE, why);
    }
}

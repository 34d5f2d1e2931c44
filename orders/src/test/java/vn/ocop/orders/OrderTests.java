package vn.ocop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ocop.orders.OrderFixtures.PLACED_AT;
import static vn.ocop.orders.OrderFixtures.delivery;
import static vn.ocop.orders.OrderFixtures.parcel;
import static vn.ocop.orders.OrderFixtures.pickup;
import static vn.ocop.orders.OrderFixtures.withSecondLine;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.ocop.catalog.Vnd;

/** The order's own rules: every move it allows, every move it refuses, and what each one writes in its history. */
class OrderTests {

    static final OffsetDateTime AT = PLACED_AT.plusHours(2);
    static final Actor PRODUCER = Actor.producer("producer@example.vn");
    static final Actor STAFF = Actor.staff("staff@example.vn");

    @Test
    void aDeliveryIsConfirmedShippedAndDeliveredWithTheCashItsCourierCollected() {
        Order placed = delivery(PaymentMethod.COD, parcel(120_000, 2, 22_000));
        UUID parcel = first(placed);

        Order confirmed = placed.confirm(parcel, PRODUCER, AT);
        Order shipped = confirmed.ship(parcel, PRODUCER, AT);
        Order delivered = shipped.deliver(parcel, new Vnd(262_000), PRODUCER, AT);

        assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(delivered.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(delivered.fulfilments().get(0).taken()).isEqualTo(new MoneyTaken(MoneyTaken.Method.CASH, new Vnd(262_000), AT, PRODUCER));
        assertThat(delivered.history()).extracting(OrderEvent::kind).containsExactly(OrderEvent.Kind.PLACED, OrderEvent.Kind.CONFIRMED,
                OrderEvent.Kind.SHIPPED, OrderEvent.Kind.DELIVERED);
        assertThat(delivered.history()).extracting(OrderEvent::seq).containsExactly(1, 2, 3, 4);
        assertThat(delivered.history().get(3)).extracting(OrderEvent::fulfilment, OrderEvent::by).containsExactly(parcel, PRODUCER);
    }

    @Test
    void theOrderStandsWhereItsLeastAdvancedParcelStands() {
        Order placed = delivery(PaymentMethod.COD, parcel(100_000, 1, 20_000), parcel(50_000, 1, 35_000));
        UUID a = placed.fulfilments().get(0).id();
        UUID b = placed.fulfilments().get(1).id();

        Order oneConfirmed = placed.confirm(a, PRODUCER, AT);
        Order oneShipped = oneConfirmed.ship(a, PRODUCER, AT).confirm(b, PRODUCER, AT);
        Order bothShipped = oneShipped.ship(b, PRODUCER, AT);
        Order oneDelivered = bothShipped.deliver(a, new Vnd(120_000), PRODUCER, AT);

        assertThat(oneConfirmed.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(oneShipped.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(bothShipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(oneDelivered.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(oneDelivered.deliver(b, new Vnd(85_000), PRODUCER, AT).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(placed.total()).isEqualTo(new Vnd(205_000));
        assertThat(placed.shipping()).isEqualTo(new Vnd(55_000));
    }

    @Test
    void cashOnDeliveryMustRecordExactlyWhatIsDue() {
        Order shipped = shipped(delivery(PaymentMethod.COD, parcel(120_000, 2, 22_000)));
        UUID parcel = first(shipped);

        refused(() -> shipped.deliver(parcel, null, PRODUCER, AT), OrdersErrorCode.INVALID_REQUEST);
        refused(() -> shipped.deliver(parcel, new Vnd(240_000), PRODUCER, AT), OrdersErrorCode.AMOUNT_MISMATCH);
        assertThat(shipped.dueFor(shipped.fulfilments().get(0))).as("its lines and its shipping fee").isEqualTo(new Vnd(262_000));
    }

    @Test
    void aCardOrderCollectsNothingOnDeliveryAndMovesOnlyOncePaid() {
        Order unpaid = delivery(PaymentMethod.CARD, parcel(120_000, 1, 22_000));
        UUID parcel = first(unpaid);

        refused(() -> unpaid.confirm(parcel, PRODUCER, AT), OrdersErrorCode.INVALID_STATE);
        Order paid = unpaid.markPaid(AT);
        assertThat(paid.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(paid.markPaid(AT.plusMinutes(1))).as("paid twice: nothing more").isSameAs(paid);
        Order shipped = paid.confirm(parcel, PRODUCER, AT).ship(parcel, PRODUCER, AT);
        refused(() -> shipped.deliver(parcel, new Vnd(142_000), PRODUCER, AT), OrdersErrorCode.AMOUNT_MISMATCH);
        Order delivered = shipped.deliver(parcel, null, PRODUCER, AT);
        assertThat(delivered.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(delivered.fulfilments().get(0).taken()).isNull();
        assertThat(paid.dueFor(paid.fulfilments().get(0))).isEqualTo(new Vnd(0));
    }

    @Test
    void aPickupIsMadeReadyThenHandedOverWithThePaymentTaken() {
        Order placed = pickup(PaymentMethod.PAY_AT_PICKUP, parcel(120_000, 2, 0), parcel(80_000, 1, 0));
        UUID a = placed.fulfilments().get(0).id();
        UUID b = placed.fulfilments().get(1).id();

        Order partly = placed.markReadyForPickup(a, PRODUCER, AT);
        refused(() -> partly.handOver(MoneyTaken.Method.CASH, new Vnd(320_000), STAFF, AT), OrdersErrorCode.INVALID_STATE);
        Order ready = partly.markReadyForPickup(b, STAFF, AT);
        assertThat(ready.status()).isEqualTo(OrderStatus.READY_FOR_PICKUP);
        assertThat(ready.dueAtPickup()).isEqualTo(new Vnd(320_000));
        refused(() -> ready.handOver(null, null, STAFF, AT), OrdersErrorCode.INVALID_REQUEST);
        refused(() -> ready.handOver(MoneyTaken.Method.CASH, new Vnd(300_000), STAFF, AT), OrdersErrorCode.AMOUNT_MISMATCH);

        Order handed = ready.handOver(MoneyTaken.Method.BANK_TRANSFER, new Vnd(320_000), STAFF, AT);

        assertThat(handed.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(handed.fulfilments()).extracting(f -> f.taken().amount()).as("each producer's part").containsExactly(new Vnd(240_000), new Vnd(80_000));
        assertThat(handed.fulfilments()).allSatisfy(f -> assertThat(f.taken().method()).isEqualTo(MoneyTaken.Method.BANK_TRANSFER));
        assertThat(handed.history()).extracting(OrderEvent::kind).endsWith(OrderEvent.Kind.HANDED_OVER, OrderEvent.Kind.HANDED_OVER);
        assertThat(handed.dueAtPickup()).isEqualTo(new Vnd(0));
        refused(() -> handed.handOver(MoneyTaken.Method.CASH, new Vnd(0), STAFF, AT), OrdersErrorCode.INVALID_STATE);
    }

    @Test
    void aPickupPaidByCardIsHandedOverTakingNothing() {
        Order ready = pickup(PaymentMethod.CARD, parcel(120_000, 1, 0)).markPaid(AT);
        ready = ready.markReadyForPickup(first(ready), PRODUCER, AT);
        Order paidReady = ready;

        assertThat(ready.dueAtPickup()).isEqualTo(new Vnd(0));
        refused(() -> paidReady.handOver(MoneyTaken.Method.CASH, new Vnd(120_000), STAFF, AT), OrdersErrorCode.AMOUNT_MISMATCH);
        assertThat(ready.handOver(null, null, STAFF, AT).status()).isEqualTo(OrderStatus.COMPLETED);
    }

    @Test
    void deliveriesAndPickupsTakeOnlyTheirOwnMoves() {
        Order delivery = delivery(PaymentMethod.COD, parcel(100_000, 1, 20_000));
        Order pickup = pickup(PaymentMethod.PAY_AT_PICKUP, parcel(100_000, 1, 0));

        refused(() -> delivery.markReadyForPickup(first(delivery), PRODUCER, AT), OrdersErrorCode.INVALID_STATE);
        refused(() -> delivery.handOver(MoneyTaken.Method.CASH, new Vnd(120_000), STAFF, AT), OrdersErrorCode.INVALID_STATE);
        refused(() -> pickup.confirm(first(pickup), PRODUCER, AT), OrdersErrorCode.INVALID_STATE);
        refused(() -> pickup.ship(first(pickup), PRODUCER, AT), OrdersErrorCode.INVALID_STATE);
        refused(() -> pickup.deliver(first(pickup), new Vnd(100_000), PRODUCER, AT), OrdersErrorCode.INVALID_STATE);
    }

    @Test
    void aParcelMovesOnlyFromTheStatesItsStepLeaves() {
        Order placed = delivery(PaymentMethod.COD, parcel(100_000, 1, 20_000));
        UUID parcel = first(placed);
        Order confirmed = placed.confirm(parcel, PRODUCER, AT);
        Order shipped = confirmed.ship(parcel, PRODUCER, AT);

        refused(() -> placed.ship(parcel, PRODUCER, AT), OrdersErrorCode.INVALID_STATE);
        refused(() -> placed.deliver(parcel, new Vnd(120_000), PRODUCER, AT), OrdersErrorCode.INVALID_STATE);
        refused(() -> confirmed.confirm(parcel, PRODUCER, AT), OrdersErrorCode.INVALID_STATE);
        refused(() -> confirmed.deliver(parcel, new Vnd(120_000), PRODUCER, AT), OrdersErrorCode.INVALID_STATE);
        refused(() -> shipped.ship(parcel, PRODUCER, AT), OrdersErrorCode.INVALID_STATE);
        refused(() -> placed.confirm(UUID.randomUUID(), PRODUCER, AT), OrdersErrorCode.NOT_FOUND);
    }

    @ParameterizedTest
    @EnumSource(value = FulfilmentStep.class, names = {"CONFIRM", "SHIP", "DELIVER"})
    void aCancelledOrderMovesNoMore(FulfilmentStep step) {
        Order cancelled = delivery(PaymentMethod.COD, parcel(100_000, 1, 20_000)).cancel(CancelReason.CHANGED_MIND, Actor.shopper("mai"), AT);
        UUID parcel = first(cancelled);

        refused(() -> apply(step, cancelled, parcel), OrdersErrorCode.INVALID_STATE);
        refused(() -> cancelled.cancel(CancelReason.OTHER, Actor.shopper("mai"), AT), OrdersErrorCode.INVALID_STATE);
    }

    @Test
    void anOrderIsCancelledBeforeAnythingLeavesWithItsReasonAndWhoDidIt() {
        Order placed = delivery(PaymentMethod.COD, parcel(100_000, 1, 20_000), parcel(50_000, 1, 20_000));
        Order confirmed = placed.confirm(first(placed), PRODUCER, AT);
        Order partlyShipped = confirmed.ship(first(placed), PRODUCER, AT);

        Order cancelled = confirmed.cancel(CancelReason.ORDERED_BY_MISTAKE, Actor.shopper("mai"), AT);

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.fulfilments()).allSatisfy(f -> assertThat(f.status()).isEqualTo(FulfilmentStatus.CANCELLED));
        assertThat(cancelled.cancellation()).get().extracting(OrderEvent::reason, OrderEvent::by, OrderEvent::at)
                .containsExactly(CancelReason.ORDERED_BY_MISTAKE, Actor.shopper("mai"), AT);
        refused(() -> partlyShipped.cancel(CancelReason.CHANGED_MIND, Actor.shopper("mai"), AT), OrdersErrorCode.INVALID_STATE);
        assertThat(delivery(PaymentMethod.CARD, parcel(1, 1, 0)).cancel(CancelReason.NOT_PAID_IN_TIME, Actor.system(), AT).status())
                .as("an unpaid card order lapses").isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aCardPaymentForACancelledOrderIsNotedAndTheOrderStaysCancelled() {
        Order cancelled = delivery(PaymentMethod.CARD, parcel(100_000, 1, 20_000)).cancel(CancelReason.NOT_PAID_IN_TIME, Actor.system(), AT);

        Order paid = cancelled.markPaid(AT.plusMinutes(1));

        assertThat(paid.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(paid.paidAt()).isEqualTo(AT.plusMinutes(1));
    }

    /** Every parcel step from every state, for a delivery and a pickup: allowed exactly where its step says, else INVALID_STATE. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> everyStepFromEveryState() {
        return java.util.Arrays.stream(FulfilmentStep.values()).flatMap(step -> java.util.Arrays.stream(FulfilmentStatus.values())
                .flatMap(status -> java.util.stream.Stream.of(false, true).map(pickup -> org.junit.jupiter.params.provider.Arguments.of(step, status, pickup))));
    }

    @ParameterizedTest(name = "{0} from {1}, pickup {2}")
    @org.junit.jupiter.params.provider.MethodSource("everyStepFromEveryState")
    void aStepIsAllowedExactlyFromTheStatesItLeaves(FulfilmentStep step, FulfilmentStatus status, boolean pickup) {
        Order order = OrderFixtures.standingAt(status, pickup, pickup ? PaymentMethod.PAY_AT_PICKUP : PaymentMethod.COD);
        UUID parcel = first(order);
        boolean allowed = step.from().contains(status) && (step == FulfilmentStep.CANCEL || step.fits(pickup));
        ThrowingCallable move = () -> take(step, order, parcel);

        if (allowed) {
            Order after = take(step, order, parcel);
            assertThat(after.fulfilments().get(0).status()).isEqualTo(step.to());
            assertThat(after.status().name()).as("the order follows its one parcel").isEqualTo(step.to().name());
            assertThat(after.history()).hasSize(order.history().size() + 1);
        } else {
            refused(move, OrdersErrorCode.INVALID_STATE);
        }
    }

    private static Order take(FulfilmentStep step, Order o, UUID parcel) {
        return switch (step) {
            case CONFIRM -> o.confirm(parcel, PRODUCER, AT);
            case MARK_READY -> o.markReadyForPickup(parcel, STAFF, AT);
            case SHIP -> o.ship(parcel, PRODUCER, AT);
            case DELIVER -> o.deliver(parcel, o.dueFor(o.fulfilments().get(0)), PRODUCER, AT);
            case HAND_OVER -> o.handOver(MoneyTaken.Method.CASH, o.dueAtPickup(), STAFF, AT);
            case CANCEL -> o.cancel(CancelReason.CHANGED_MIND, Actor.shopper("mai"), AT);
        };
    }

    @Test
    void aDisputedOrderIsNeitherShippedNorHandedOverWhileTheDisputeIsOpenOrLost() {
        Order confirmed = OrderFixtures.standingAt(FulfilmentStatus.CONFIRMED, false, PaymentMethod.CARD);
        Order ready = OrderFixtures.standingAt(FulfilmentStatus.READY_FOR_PICKUP, true, PaymentMethod.CARD);

        for (String open : new String[] {"warning_needs_response", "needs_response", "under_review", "lost"}) {
            Order held = OrderFixtures.disputed(confirmed, open);
            assertThat(held.held()).as(open).isTrue();
            refused(() -> held.ship(first(held), PRODUCER, AT), OrdersErrorCode.DISPUTED);
            refused(() -> OrderFixtures.disputed(ready, open).handOver(null, null, STAFF, AT), OrdersErrorCode.DISPUTED);
        }
        assertThat(OrderFixtures.disputed(confirmed, "needs_response").cancel(CancelReason.OTHER, Actor.system(), AT).status())
                .as("a held order can still be cancelled (and refunded)").isEqualTo(OrderStatus.CANCELLED);
        for (String lifted : new String[] {"won", "warning_closed"}) {
            assertThat(OrderFixtures.disputed(confirmed, lifted).ship(first(confirmed), PRODUCER, AT).status()).as(lifted).isEqualTo(OrderStatus.SHIPPED);
            assertThat(OrderFixtures.disputed(ready, lifted).handOver(null, null, STAFF, AT).status()).as(lifted).isEqualTo(OrderStatus.COMPLETED);
        }
    }

    @Test
    void theStepsStateSetsAreTheOnesTheStatusesName() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::cancellable))
                .containsExactlyInAnyOrderElementsOf(OrderStep.CANCEL.from());
        assertThat(OrderStatus.awaitingCollection()).containsExactlyInAnyOrder(OrderStatus.PLACED, OrderStatus.CONFIRMED, OrderStatus.READY_FOR_PICKUP);
        assertThat(FulfilmentStep.between(FulfilmentStatus.SHIPPED, FulfilmentStatus.COMPLETED)).isEqualTo(FulfilmentStep.DELIVER);
        assertThat(FulfilmentStep.between(FulfilmentStatus.READY_FOR_PICKUP, FulfilmentStatus.COMPLETED)).isEqualTo(FulfilmentStep.HAND_OVER);
        assertThat(FulfilmentStep.CANCEL.fromNames()).containsExactly("CONFIRMED", "PLACED", "READY_FOR_PICKUP");
        assertThatThrownBy(() -> FulfilmentStep.between(FulfilmentStatus.PLACED, FulfilmentStatus.COMPLETED)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Order apply(FulfilmentStep step, Order o, UUID parcel) {
        Function<Order, Order> move = switch (step) {
            case CONFIRM -> x -> x.confirm(parcel, PRODUCER, AT);
            case SHIP -> x -> x.ship(parcel, PRODUCER, AT);
            case DELIVER -> x -> x.deliver(parcel, new Vnd(120_000), PRODUCER, AT);
            default -> throw new IllegalArgumentException(step.name());
        };
        return move.apply(o);
    }

    private static Order shipped(Order placed) {
        return placed.confirm(first(placed), PRODUCER, AT).ship(first(placed), PRODUCER, AT);
    }

    private static UUID first(Order o) {
        return o.fulfilments().get(0).id();
    }

    private static void refused(ThrowingCallable move, OrdersErrorCode code) {
        assertThatThrownBy(move).isInstanceOfSatisfying(OrdersException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void aRecalledParcelIsCancelledAloneAndIsNoLongerDueWhileTheRestStays() {
        Order order = pickup(PaymentMethod.PAY_AT_PICKUP, parcel(100_000, 1, 0), parcel(50_000, 2, 0));
        UUID recalled = order.fulfilments().get(0).id();

        Order after = order.cancelParcel(recalled, CancelReason.RECALLED, Actor.system(), AT);

        assertThat(after.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(after.fulfilment(recalled).orElseThrow().status()).isEqualTo(FulfilmentStatus.CANCELLED);
        assertThat(after.dueAtPickup()).isEqualTo(new Vnd(100_000));
        assertThat(after.cancellation()).as("a parcel cancelled alone is not the order's cancellation").isEmpty();
        assertThat(after.history().get(after.history().size() - 1).reason()).isEqualTo(CancelReason.RECALLED);
        assertThat(after.cancelParcel(recalled, CancelReason.RECALLED, Actor.system(), AT)).as("again: nothing changes").isSameAs(after);
    }

    @Test
    void aRecalledLoneParcelCancelsTheWholeOrderButACardOrderKeepsItsOtherParcels() {
        Order lone = pickup(PaymentMethod.PAY_AT_PICKUP, parcel(100_000, 1, 0));
        Order card = delivery(PaymentMethod.CARD, parcel(100_000, 1, 20_000), parcel(50_000, 1, 20_000)).markPaid(AT);

        assertThat(lone.cancelParcel(lone.fulfilments().get(0).id(), CancelReason.RECALLED, Actor.system(), AT).status())
                .isEqualTo(OrderStatus.CANCELLED);
        Order cardAfter = card.cancelParcel(card.fulfilments().get(0).id(), CancelReason.RECALLED, Actor.system(), AT);
        assertThat(cardAfter.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(cardAfter.fulfilments().get(0).status()).isEqualTo(FulfilmentStatus.CANCELLED);
        assertThat(cardAfter.fulfilments().get(1).status()).isEqualTo(FulfilmentStatus.PLACED);
        assertThat(CancelReason.RECALLED.shoppers()).as("the system's reason, never a shopper's").isFalse();
    }

    @Test
    void aRecalledLineIsCancelledAloneAndTheRestOfItsParcelGoesOn() {
        Order order = withSecondLine(pickup(PaymentMethod.PAY_AT_PICKUP, parcel(100_000, 1, 0)), 50_000, 2);
        UUID parcel = first(order);

        Order after = order.cancelLine(1, CancelReason.RECALLED, Actor.system(), AT);

        assertThat(after.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(after.fulfilment(parcel).orElseThrow().status()).isEqualTo(FulfilmentStatus.PLACED);
        assertThat(after.lines()).extracting(Order.Line::cancelled).containsExactly(CancelReason.RECALLED, null);
        assertThat(after.fulfilment(parcel).orElseThrow().openLines()).extracting(Order.Line::number).containsExactly(2);
        assertThat(after.dueAtPickup()).as("only the tea is still to pay").isEqualTo(new Vnd(100_000));
        assertThat(after.history().get(after.history().size() - 1)).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(OrderEvent.Kind.LINE_CANCELLED);
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.fulfilment()).isEqualTo(parcel);
            assertThat(e.reason()).isEqualTo(CancelReason.RECALLED);
        });
        assertThat(after.cancellation()).isEmpty();
        assertThat(after.cancelLine(1, CancelReason.RECALLED, Actor.system(), AT)).as("again: nothing changes").isSameAs(after);
        Order handedOver = after.markReadyForPickup(parcel, STAFF, AT).handOver(MoneyTaken.Method.CASH, new Vnd(100_000), STAFF, AT);
        assertThat(handedOver.fulfilment(parcel).orElseThrow().taken().amount()).as("cash is taken for the open line only").isEqualTo(new Vnd(100_000));
    }

    @Test
    void theLastOpenLineTakesItsParcelAndAnOrderWithNothingElseOpenEndsCancelled() {
        Order two = pickup(PaymentMethod.PAY_AT_PICKUP, parcel(100_000, 1, 0), parcel(50_000, 1, 0));
        Order lone = withSecondLine(pickup(PaymentMethod.PAY_AT_PICKUP, parcel(100_000, 1, 0)), 50_000, 1);

        Order partly = two.cancelLine(1, CancelReason.RECALLED, Actor.system(), AT);
        assertThat(partly.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(partly.fulfilments()).extracting(Fulfilment::status).containsExactly(FulfilmentStatus.CANCELLED, FulfilmentStatus.PLACED);
        assertThat(partly.history()).extracting(OrderEvent::kind).endsWith(OrderEvent.Kind.LINE_CANCELLED, OrderEvent.Kind.CANCELLED);

        Order whole = lone.cancelLine(1, CancelReason.RECALLED, Actor.system(), AT).cancelLine(2, CancelReason.RECALLED, Actor.system(), AT);
        assertThat(whole.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(whole.cancellation()).get().extracting(OrderEvent::reason).isEqualTo(CancelReason.RECALLED);
    }

    @Test
    void aLineOfAnUnpaidCardOrderCancelsItWholeAndALineThatLeftCannotBeCancelled() {
        Order unpaid = withSecondLine(delivery(PaymentMethod.CARD, parcel(100_000, 1, 20_000)), 50_000, 1);
        assertThat(unpaid.cancelLine(1, CancelReason.RECALLED, Actor.system(), AT).status())
                .as("the amount asked of the card is the whole order's").isEqualTo(OrderStatus.CANCELLED);

        Order shipped = shipped(withSecondLine(delivery(PaymentMethod.COD, parcel(100_000, 1, 20_000)), 50_000, 1));
        refused(() -> shipped.cancelLine(1, CancelReason.RECALLED, Actor.system(), AT), OrdersErrorCode.INVALID_STATE);
        refused(() -> shipped.cancelLine(9, CancelReason.RECALLED, Actor.system(), AT), OrdersErrorCode.NOT_FOUND);
    }
}

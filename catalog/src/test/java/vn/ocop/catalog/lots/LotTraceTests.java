package vn.ocop.catalog.lots;

import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.LotId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.stock.MovementType;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The public path of a lot: who, what, where and when per step, nothing private, repeated steps summed. */
class LotTraceTests {

    static final ZoneOffset ICT = ZoneOffset.ofHours(7);
    static final LocationId WAREHOUSE = new LocationId(UUID.randomUUID());
    static final LocationId SHOWROOM = new LocationId(UUID.randomUUID());
    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void theProducerMakesItItsWarehouseSendsItAndTheOutletNamesItself() {
        LotTrace trace = LotTrace.of(lot(null), "HTX Chè Tân Cương", "Thái Nguyên", List.of(
                step(MovementType.RECEIPT, 40, WAREHOUSE, at(2026, 11, 21, 9)),
                step(MovementType.TRANSFER_OUT, 30, WAREHOUSE, at(2026, 11, 22, 8)),
                step(MovementType.TRANSFER_IN, 30, SHOWROOM, at(2026, 11, 22, 8))), TODAY);

        assertThat(trace.path()).extracting(TraceStep::event).containsExactly(TraceStep.Event.PRODUCED, TraceStep.Event.RECEIVED,
                TraceStep.Event.SENT, TraceStep.Event.ARRIVED);
        assertThat(trace.path().get(0)).extracting(TraceStep::actorName, TraceStep::province, TraceStep::day)
                .containsExactly("HTX Chè Tân Cương", "Thái Nguyên", LocalDate.of(2026, 11, 20));
        assertThat(trace.path()).extracting(TraceStep::actorName)
                .containsExactly("HTX Chè Tân Cương", "HTX Chè Tân Cương", "HTX Chè Tân Cương", "Showroom OCOP Hà Nội");
        assertThat(trace.path().get(3)).extracting(TraceStep::actor, TraceStep::place, TraceStep::quantity)
                .containsExactly(TraceStep.Actor.OUTLET, "Showroom OCOP Hà Nội", 30);
    }

    @Test
    void manySalesAtOnePlaceOnOneDayAreOneStepWithTheirTotalAndNoTill() {
        LotTrace trace = LotTrace.of(lot(null), "HTX", "Thái Nguyên", List.of(
                step(MovementType.SALE, 2, SHOWROOM, at(2026, 12, 1, 9)),
                step(MovementType.SALE, 3, SHOWROOM, at(2026, 12, 1, 23)),
                step(MovementType.SALE, 1, SHOWROOM, at(2026, 12, 2, 0)),
                step(MovementType.FULFIL, 2, SHOWROOM, at(2026, 12, 2, 10))), TODAY);

        assertThat(trace.path()).extracting(TraceStep::event, TraceStep::actor, TraceStep::actorName, TraceStep::day, TraceStep::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TraceStep.Event.PRODUCED, TraceStep.Actor.PRODUCER, "HTX", LocalDate.of(2026, 11, 20), 0),
                        org.assertj.core.groups.Tuple.tuple(TraceStep.Event.SOLD, TraceStep.Actor.COUNTER, null, LocalDate.of(2026, 12, 1), 5),
                        org.assertj.core.groups.Tuple.tuple(TraceStep.Event.SOLD, TraceStep.Actor.COUNTER, null, LocalDate.of(2026, 12, 2), 1),
                        org.assertj.core.groups.Tuple.tuple(TraceStep.Event.DELIVERED, TraceStep.Actor.ONLINE_ORDER, null, LocalDate.of(2026, 12, 2), 2));
    }

    @Test
    void theDayIsVietnamsAndReservationsReleasesAndCountsAreNotOnThePath() {
        LotTrace trace = LotTrace.of(lot(null), "HTX", "Thái Nguyên", List.of(
                step(MovementType.RESERVE, 2, SHOWROOM, at(2026, 12, 1, 9)),
                step(MovementType.RELEASE, 2, SHOWROOM, at(2026, 12, 1, 10)),
                step(MovementType.COUNT, 1, SHOWROOM, at(2026, 12, 1, 11)),
                new LotStep(MovementType.SALE, 1, SHOWROOM, "Showroom OCOP Hà Nội", LocationKind.SHOWROOM, "Hà Nội",
                        OffsetDateTime.of(2026, 12, 1, 18, 30, 0, 0, ZoneOffset.UTC), "till-1", "order:X")), TODAY);

        assertThat(trace.path()).extracting(TraceStep::event).containsExactly(TraceStep.Event.PRODUCED, TraceStep.Event.SOLD);
        assertThat(trace.path().get(1).day()).as("18:30 UTC is 01:30 the next day in Vietnam").isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void aRecallOutranksTheDateAndAPastUseByIsExpired() {
        assertThat(LotTrace.of(lot(null), "HTX", "X", List.of(), TODAY).status()).isEqualTo(Lot.Status.ON_SALE);
        assertThat(LotTrace.of(lot(OffsetDateTime.now()), "HTX", "X", List.of(), TODAY).status()).isEqualTo(Lot.Status.RECALLED);
        assertThat(LotTrace.of(lot(null), "HTX", "X", List.of(), LocalDate.of(2027, 11, 21)).status()).isEqualTo(Lot.Status.EXPIRED);
    }

    static Lot lot(OffsetDateTime recalledAt) {
        return new Lot(new LotId(UUID.randomUUID()), new ProductId(UUID.randomUUID()), "Trà xanh", new ProducerId(UUID.randomUUID()),
                "L-1", LocalDate.of(2026, 11, 20), LocalDate.of(2027, 11, 20), recalledAt, recalledAt == null ? null : "mốc", OffsetDateTime.now());
    }

    static LotStep step(MovementType type, int quantity, LocationId where, OffsetDateTime at) {
        boolean warehouse = where.equals(WAREHOUSE);
        return new LotStep(type, quantity, where, warehouse ? "Kho HTX" : "Showroom OCOP Hà Nội",
                warehouse ? LocationKind.WAREHOUSE : LocationKind.SHOWROOM, warehouse ? "Thái Nguyên" : "Hà Nội", at, "a@b.vn", "order:X");
    }

    static OffsetDateTime at(int y, int m, int d, int h) {
        return OffsetDateTime.of(y, m, d, h, 0, 0, 0, ICT);
    }
}

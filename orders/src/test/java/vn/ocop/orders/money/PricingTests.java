package vn.ocop.orders.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.producers.ProducerSummary;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.CommissionRate;
import vn.ocop.orders.Holder;
import vn.ocop.orders.MoneyEvent;
import vn.ocop.orders.MoneyKind;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.Percent;
import vn.ocop.orders.SalesChannel;
import vn.ocop.orders.Statement;

/** How one ledger row divides its money, and how a statement adds rows up: the rules, without a database. */
class PricingTests {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T10:00:00+07:00");
    static final ProducerId PRODUCER = new ProducerId(UUID.randomUUID());
    static final LocationId SHOWROOM = LocationId.random();
    static final TaxSettings DECREE_117 = new TaxSettings(List.of(new TaxSettings.Period(LocalDate.of(2025, 7, 1), BigDecimal.ONE,
            new BigDecimal("0.5"), "Nghị định 117/2025/NĐ-CP")));
    static final RateBook RATES = new RateBook(List.of(
            rate(CommissionRate.Scope.ONLINE, OcopGroup.FOOD, null, "10", DAY.minusDays(30)),
            rate(CommissionRate.Scope.ONLINE, OcopGroup.FOOD, null, "8", DAY.plusDays(1)),
            rate(CommissionRate.Scope.CONSIGNMENT, null, SHOWROOM, "15", DAY.minusDays(30))));

    static CommissionRate rate(CommissionRate.Scope scope, OcopGroup group, LocationId location, String percent, LocalDate from) {
        return new CommissionRate(UUID.randomUUID(), scope, group, location, Percent.of(percent), from, "admin", AT.minusDays(40));
    }

    static MoneyEvent sale(MoneyKind kind, Holder holder, SalesChannel channel, long goods, long shipping, LocalDate pricedOn) {
        return new MoneyEvent(UUID.randomUUID(), kind, PRODUCER, channel == SalesChannel.TILL ? null : new OrderId(UUID.randomUUID()), null, null,
                channel, SHOWROOM, OcopGroup.FOOD, new Vnd(goods), new Vnd(shipping), new Vnd(goods + shipping), holder, pricedOn,
                pricedOn.atTime(10, 0).atZone(vn.ocop.catalog.CatalogTime.ZONE).toOffsetDateTime(), "OCOP-1", null);
    }

    @Test
    void aHouseholdsCardSaleWithholdsVatAndPitOfTheWholeAmountAndTheCommissionOfItsGoods() {
        Pricing p = Pricing.of(sale(MoneyKind.CARD_PAID, Holder.MARKETPLACE, SalesChannel.ONLINE_DELIVERY, 123_456, 26_000, DAY), RATES, DECREE_117, true);

        assertThat(p.commission()).isEqualTo(12_346);       // 10 % of 123,456 = 12,345.6
        assertThat(p.vat()).isEqualTo(1_495);               // 1 % of 149,456 = 1,494.56
        assertThat(p.pit()).isEqualTo(747);                 // 0.5 % of 149,456 = 747.28
        assertThat(p.share()).isEqualTo(149_456 - 12_346 - 1_495 - 747);
        assertThat(p.owedBy(Holder.MARKETPLACE)).isEqualTo(p.share());
    }

    @Test
    void noTaxIsWithheldOnCashTheMarketplaceNeverHeldNorForAProducerThatIsNoHousehold() {
        assertThat(Pricing.of(sale(MoneyKind.COD_COLLECTED, Holder.PRODUCER, SalesChannel.ONLINE_DELIVERY, 100_000, 0, DAY), RATES, DECREE_117, true).vat()).isZero();
        assertThat(Pricing.of(sale(MoneyKind.CARD_PAID, Holder.MARKETPLACE, SalesChannel.ONLINE_DELIVERY, 100_000, 0, DAY), RATES, DECREE_117, false).pit()).isZero();
    }

    @Test
    void theProducerOwesTheMarketplaceTheCommissionOnCashItCollected() {
        Pricing cod = Pricing.of(sale(MoneyKind.COD_COLLECTED, Holder.PRODUCER, SalesChannel.ONLINE_DELIVERY, 100_000, 20_000, DAY), RATES, DECREE_117, true);

        assertThat(cod.owedBy(Holder.MARKETPLACE)).isEqualTo(-10_000);
        assertThat(cod.heldByProducer()).isEqualTo(120_000);
        assertThat(cod.share()).isEqualTo(110_000);
    }

    @Test
    void anOutletOwesItsTillSalesLessItsConsignmentShareAndItsPickupCashWhole() {
        Pricing till = Pricing.of(sale(MoneyKind.TILL_SALE, Holder.showroom(SHOWROOM), SalesChannel.TILL, 200_000, 0, DAY), RATES, DECREE_117, true);
        Pricing pickup = Pricing.of(sale(MoneyKind.PICKUP_PAID, Holder.showroom(SHOWROOM), SalesChannel.ONLINE_PICKUP, 50_000, 0, DAY), RATES, DECREE_117, true);

        assertThat(till.consignment()).isEqualTo(30_000);
        assertThat(till.commission()).isZero();
        assertThat(till.owedBy(Holder.showroom(SHOWROOM))).isEqualTo(170_000);
        assertThat(pickup.owedBy(Holder.showroom(SHOWROOM))).isEqualTo(50_000);
        assertThat(pickup.owedBy(Holder.MARKETPLACE)).isEqualTo(-5_000);
    }

    @Test
    void theRateInForceOnTheSalesDayAppliesAndARefundGivesBackExactlyWhatItsSaleTook() {
        Pricing before = Pricing.of(sale(MoneyKind.CARD_PAID, Holder.MARKETPLACE, SalesChannel.ONLINE_DELIVERY, 99_999, 0, DAY), RATES, DECREE_117, true);
        Pricing after = Pricing.of(sale(MoneyKind.CARD_PAID, Holder.MARKETPLACE, SalesChannel.ONLINE_DELIVERY, 99_999, 0, DAY.plusDays(1)), RATES, DECREE_117, true);
        Pricing refund = Pricing.of(sale(MoneyKind.CARD_REFUNDED, Holder.MARKETPLACE, SalesChannel.ONLINE_DELIVERY, 99_999, 0, DAY), RATES, DECREE_117, true);

        assertThat(before.commission()).isEqualTo(10_000);
        assertThat(after.commission()).isEqualTo(8_000);
        assertThat(List.of(refund.amount(), refund.commission(), refund.vat(), refund.pit(), refund.share()))
                .isEqualTo(List.of(-before.amount(), -before.commission(), -before.vat(), -before.pit(), -before.share()));
    }

    @Test
    void aStatementAddsUpAndItsBalancesExplainTheProducersShare() {
        ProducerSummary producer = new ProducerSummary(PRODUCER, "Hộ Mật ong", "HOUSEHOLD", "Thái Nguyên", null, null);
        LocalDate earlier = DAY.minusDays(10);
        List<MoneyEvent> events = List.of(
                sale(MoneyKind.CARD_PAID, Holder.MARKETPLACE, SalesChannel.ONLINE_DELIVERY, 300_000, 30_000, earlier),
                sale(MoneyKind.CARD_PAID, Holder.MARKETPLACE, SalesChannel.ONLINE_PICKUP, 111_111, 0, DAY),
                sale(MoneyKind.CARD_REFUNDED, Holder.MARKETPLACE, SalesChannel.ONLINE_PICKUP, 111_111, 0, DAY),
                sale(MoneyKind.COD_COLLECTED, Holder.PRODUCER, SalesChannel.ONLINE_DELIVERY, 77_777, 22_000, DAY),
                sale(MoneyKind.PICKUP_PAID, Holder.showroom(SHOWROOM), SalesChannel.ONLINE_PICKUP, 45_000, 0, DAY),
                sale(MoneyKind.TILL_SALE, Holder.showroom(SHOWROOM), SalesChannel.TILL, 90_000, 0, DAY),
                new MoneyEvent(UUID.randomUUID(), MoneyKind.PAYOUT, PRODUCER, null, null, null, null, null, null, null, null, new Vnd(100_000),
                        Holder.MARKETPLACE, DAY, AT, "VCB 123", "p1"));

        Statement s = new StatementMaker(RATES, DECREE_117, java.util.Map.of(SHOWROOM, "Showroom Hà Nội")).make(producer, events, DAY.minusDays(2), DAY);
        Statement.Totals t = s.totals();

        assertThat(t.collected()).isEqualTo(111_111 + 99_777 + 45_000 + 90_000);
        assertThat(t.refunded()).isEqualTo(111_111);
        assertThat(t.adds()).isTrue();
        assertThat(t.paidOut()).isEqualTo(100_000);
        assertThat(t.share()).isEqualTo(t.heldByProducer() + t.paidOut() + s.balances().stream().mapToLong(Statement.Balance::change).sum());
        assertThat(s.marketplace().opening()).as("the earlier card sale, less 10 %% and 1.5 %% tax").isEqualTo(330_000 - 30_000 - 3_300 - 1_650);
        assertThat(s.balances()).extracting(Statement.Balance::name).containsExactly("", "Showroom Hà Nội");
        assertThat(s.weeks()).extracting(Statement.Week::monday).containsExactly(StatementMaker.monday(DAY.minusDays(2)), StatementMaker.monday(DAY))
                .doesNotHaveDuplicates();
    }
}

package vn.ocop.catalog.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.LotFixtures;
import vn.ocop.catalog.testing.LotFixtures.LotAt;
import vn.ocop.catalog.testing.StockFixtures;
import vn.ocop.devservices.TestServices;

/**
 * First expired, first out: for any lots of a product at one location (use-by past, today, ahead or none; some
 * recalled) a reservation, or a till's sale that names no lot, takes the lot with the earliest use-by first and lots
 * without one last; a reservation never takes a lot that is recalled or past its use-by, and is refused exactly when
 * the usable lots cannot cover it. One request at a time: the order is the rule here, not the races
 * ({@link LotLedgerProperties} races them). On failure QuickTheories prints the smallest lots and requests it found.
 */
class FefoProperties {

    static ConfigurableApplicationContext context;
    static Inventory inventory;
    static StockFixtures fixtures;
    static LotFixtures lots;
    static LocationId showroom;
    static TillKey till;
    static ProducerId producer;
    static Catalog catalog;

    /** A lot: its use-by in days from today (null: none), whether it is recalled, the units received. */
    record LotSpec(Integer useByInDays, boolean recalled, int units) {
        @Override
        public String toString() {
            return (useByInDays == null ? "no use-by" : "use-by " + (useByInDays >= 0 ? "+" : "") + useByInDays + "d")
                    + (recalled ? " recalled" : "") + " ×" + units;
        }
    }

    /** A reservation or an unnamed till sale of {@code quantity}. */
    record Take(boolean reserve, int quantity) {
        @Override
        public String toString() {
            return (reserve ? "reserve " : "sell ") + quantity;
        }
    }

    record Scenario(List<LotSpec> lots, List<Take> takes) {
        String describe() {
            return "lots " + lots + ", then " + takes;
        }
    }

    @BeforeAll
    static void start() {
        var pg = TestServices.postgres();
        String db = TestServices.createDatabase("FefoProperties");
        context = new SpringApplicationBuilder(CatalogTestApplication.class)
                .properties("ocop.test.app=catalog", "spring.r2dbc.url=" + pg.r2dbcUrl(db), "spring.r2dbc.username=" + pg.user(),
                        "spring.flyway.url=" + pg.jdbcUrl(db), "spring.flyway.user=" + pg.user(), "spring.flyway.password=",
                        "spring.main.banner-mode=off")
                .run();
        inventory = context.getBean(Inventory.class);
        catalog = context.getBean(Catalog.class);
        DatabaseClient client = context.getBean(DatabaseClient.class);
        fixtures = new StockFixtures(client);
        lots = new LotFixtures(client);
        showroom = fixtures.showroom("Showroom OCOP (FEFO)", true).block();
        till = context.getBean(TillKeys.class).issue(showroom, "Quầy FEFO").block().key();
        producer = fixtures.catalog().producer("HTX hạn dùng", null).block();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void reservationsAndUnnamedSalesTakeTheEarliestUseByFirstAndReservationsNeverTakeUnusableLots() {
        qt().withExamples(60).withShrinkCycles(100).forAll(scenarios()).checkAssert(FefoProperties::takesEarliestUseByFirst);
    }

    private static void takesEarliestUseByFirst(Scenario s) {
        LocalDate today = lots.today().block();
        ProductId product = productWithLots("Nước mắm ", s.lots(), today);
        List<String> done = new ArrayList<>();
        for (Take take : s.takes()) {
            List<LotAt> before = lots.at(showroom, product).collectList().block();
            int available = lots.available(showroom, product).block();
            boolean applied = take.reserve() ? reserve(product, take.quantity()) : sell(product, take.quantity());
            List<LotAt> after = lots.at(showroom, product).collectList().block();
            String context = "%s after %s; lots before %s, after %s; usable available %d".formatted(take, done, before, after, available);
            done.add(take.toString());
            if (take.reserve()) {
                assertThat(applied).as("reservation applied exactly when the usable lots held enough: " + context)
                        .isEqualTo(available >= take.quantity());
                assertReservedFefo(before, after, applied ? take.quantity() : 0, today, context);
            } else {
                assertSoldFefo(before, after, take.quantity(), today, context);
            }
        }
    }

    /** The product's lots F0, F1, … as specified, received at the showroom (then recalled where the spec says). */
    private static ProductId productWithLots(String name, List<LotSpec> specs, LocalDate today) {
        ProductId product = fixtures.sellableProduct(producer, name + UUID.randomUUID(), catalog.today()).block();
        for (int i = 0; i < specs.size(); i++) {
            LotSpec spec = specs.get(i);
            String code = "F" + i;
            UUID lot = lots.lot(product, code, spec.useByInDays() == null ? null : today.plusDays(spec.useByInDays())).block();
            if (spec.units() > 0) {
                inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, product, spec.units(),
                        OffsetDateTime.now(), null).ofLot(LotRef.named(code))), "staff@ocop.vn").block();
            }
            if (spec.recalled()) {
                lots.recall(lot).block();
            }
        }
        return product;
    }

    /** A till's sale of {@code quantity} that names no lot, made {@code daysAgo} days before it reaches the server. */
    record Sale(int quantity, int daysAgo) {
        @Override
        public String toString() {
            return "sell " + quantity + (daysAgo == 0 ? "" : " (" + daysAgo + "d ago)");
        }
    }

    record Sales(List<LotSpec> lots, List<Sale> sales) {
        String describe() {
            return "lots " + lots + ", then in one batch " + sales;
        }
    }

    @Test
    void aTillsBatchSplitsItsSalesOverLotsExactlyAsTheSameSalesSentOneAtATime() {
        qt().withExamples(80).withShrinkCycles(100).forAll(batches()).checkAssert(FefoProperties::splitsAsOneAtATime);
    }

    /**
     * The lots trigger settles a statement's plain sales of a product that one lot covers in a few set-based statements,
     * and everything else one movement at a time: two products with the same lots, the same sales (some made days
     * before, when a lot recalled or expired since could still be sold), sent one per batch to the first in the order
     * they were made and all in one batch, in any order, to the second: each sale took the same units of the same lots,
     * with the same flags, and the lots end equal.
     */
    private static void splitsAsOneAtATime(Sales s) {
        LocalDate today = lots.today().block();
        ProductId alone = productWithLots("Mật ong ", s.lots(), today);
        ProductId together = productWithLots("Mật ong ", s.lots(), today);
        OffsetDateTime now = OffsetDateTime.now();
        List<TillMovement> aloneSales = new ArrayList<>();
        List<TillMovement> batch = new ArrayList<>();
        for (int i = 0; i < s.sales().size(); i++) {
            Sale sale = s.sales().get(i);
            // each at its own moment (a millisecond apart), so "the order they were made" is one order
            OffsetDateTime at = now.minusDays(sale.daysAgo()).plusNanos(i * 1_000_000L);
            aloneSales.add(new TillMovement(UUID.randomUUID(), "SALE", alone.value(), null, sale.quantity(), null, null, at));
            batch.add(new TillMovement(UUID.randomUUID(), "SALE", together.value(), null, sale.quantity(), null, null, at));
        }
        aloneSales.stream().sorted(Comparator.comparing(TillMovement::occurredAt)).forEach(sale ->
                inventory.sync(new SyncBatch(showroom, till, "fefo-alone", null, List.of(sale))).block());
        inventory.sync(new SyncBatch(showroom, till, "fefo-together", null, batch)).block();
        for (int i = 0; i < batch.size(); i++) {
            assertThat(lots.split(batch.get(i).id()).block())
                    .as("sale %d (%s) in one batch, against one at a time; lots after: %s", i, s.sales().get(i),
                            lots.at(showroom, together).collectList().block())
                    .isEqualTo(lots.split(aloneSales.get(i).id()).block());
        }
        assertThat(lots.at(showroom, together).map(LotAt::toString).collectList().block())
                .isEqualTo(lots.at(showroom, alone).map(LotAt::toString).collectList().block());
    }

    static Gen<Sales> batches() {
        Gen<Sale> sale = integers().between(1, 3).zip(arbitrary().pick(0, 0, 1, 2), Sale::new);
        return lists().of(lot()).ofSizeBetween(1, 4).zip(lists().of(sale).ofSizeBetween(1, 5), Sales::new)
                .describedAs(Sales::describe);
    }

    /** One step of orders at one location: a receipt of lot {@code lot}, or order {@code order} reserving, releasing or handing over. */
    record Step(String kind, int lot, int order, int quantity) {
        @Override
        public String toString() {
            return kind.equals("receive") ? "receive F" + lot + " ×" + quantity : kind + " order " + order + " ×" + quantity;
        }
    }

    @Test
    void aReleaseOrAHandOverGivesBackTheLotsItsOwnOrderSetAside() {
        Gen<Step> step = arbitrary().pick("receive", "reserve", "reserve", "release", "hand over").zip(integers().between(0, 2),
                integers().between(0, 2), integers().between(1, 4), Step::new);
        qt().withExamples(100).withShrinkCycles(100).forAll(lists().of(step).ofSizeBetween(1, 12).describedAs(Object::toString))
                .checkAssert(FefoProperties::ordersGetTheirOwnLotsBack);
    }

    /**
     * Sequentially, so that the interleavings that matter happen often: an order that set aside units of two lots (the
     * first ran short) while another order holds the first lot too must hand over its own, not the other order's.
     */
    private static void ordersGetTheirOwnLotsBack(List<Step> steps) {
        ProductId product = fixtures.sellableProduct(producer, "Chè Shan tuyết " + UUID.randomUUID(), catalog.today()).block();
        LocalDate today = lots.today().block();
        for (int i = 0; i < 3; i++) {
            lots.lot(product, "F" + i, today.plusDays(10L * (i + 1))).block();
        }
        int[] holds = new int[3];
        List<String> done = new ArrayList<>();
        for (Step step : steps) {
            String reference = "order-" + product.value() + "-" + step.order();
            int q = step.kind().equals("release") || step.kind().equals("hand over") ? Math.min(step.quantity(), holds[step.order()]) : step.quantity();
            done.add(step.kind() + " " + (step.kind().equals("receive") ? "F" + step.lot() : "order " + step.order()) + " ×" + q);
            if (q == 0) {
                continue;
            }
            switch (step.kind()) {
                case "receive" -> inventory.recordAtLocation(showroom, List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, product, q,
                        OffsetDateTime.now(), null).ofLot(LotRef.named("F" + step.lot()))), "staff@ocop.vn").block();
                case "reserve" -> {
                    UUID id = UUID.randomUUID();
                    boolean applied = inventory.reserve(id, showroom, product, q, reference, "checkout")
                            .onErrorResume(CatalogException.class, e -> e.code() == CatalogErrorCode.INSUFFICIENT_STOCK ? Mono.just(false) : Mono.error(e))
                            .block();
                    holds[step.order()] += applied ? q : 0;
                }
                case "release" -> {
                    inventory.release(UUID.randomUUID(), showroom, product, q, reference, "checkout").block();
                    holds[step.order()] -= q;
                }
                default -> {
                    inventory.fulfil(UUID.randomUUID(), showroom, product, q, reference, "staff@ocop.vn").block();
                    holds[step.order()] -= q;
                }
            }
            List<String> heldPerLot = lots.heldByReferences(product).collectList().block();
            for (String line : heldPerLot) {
                assertThat(line).as("after %s: what each order's movements left reserved, per lot, %s; lots now %s", done, heldPerLot,
                        lots.at(showroom, product).collectList().block()).doesNotContain(": -");
            }
        }
    }

    /** Reserved units came only from usable lots, none from a later use-by while an earlier usable lot had units left. */
    private static void assertReservedFefo(List<LotAt> before, List<LotAt> after, int quantity, LocalDate today, String context) {
        Map<UUID, LotAt> was = byLot(before);
        int total = 0;
        for (LotAt lot : after) {
            int taken = lot.reserved() - reservedOf(was.get(lot.lot()));
            total += taken;
            if (taken == 0) {
                continue;
            }
            assertThat(lot.usableOn(today)).as("reserved %d of %s, which may not be sold: %s", taken, lot, context).isTrue();
            for (LotAt earlier : after) {
                if (earlier.usableOn(today) && expiresBefore(earlier, lot)) {
                    assertThat(earlier.available()).as("reserved %d of %s while %s, earlier, had units left: %s", taken, lot, earlier, context)
                            .isLessThanOrEqualTo(0);
                }
            }
        }
        assertThat(total).as("units reserved over all lots: " + context).isEqualTo(quantity);
    }

    /**
     * A sale takes the usable lots' available units earliest use-by first; what they cannot cover comes off a usable lot
     * (below zero), and a lot that may not be sold is touched only when no usable lot is held here.
     */
    private static void assertSoldFefo(List<LotAt> before, List<LotAt> after, int quantity, LocalDate today, String context) {
        Map<UUID, LotAt> was = byLot(before);
        boolean anyUsable = before.stream().anyMatch(l -> l.usableOn(today));
        int total = 0;
        for (LotAt lot : after) {
            LotAt old = was.get(lot.lot());
            int taken = (old == null ? 0 : old.onHand()) - lot.onHand();
            total += taken;
            if (taken == 0) {
                continue;
            }
            assertThat(lot.reserved()).as("a sale leaves reservations alone: %s", context).isEqualTo(reservedOf(old));
            if (anyUsable) {
                assertThat(lot.usableOn(today)).as("sold %d of %s while a usable lot was held: %s", taken, lot, context).isTrue();
            }
            for (LotAt earlier : after) {
                if (earlier.usableOn(today) && expiresBefore(earlier, lot)) {
                    assertThat(earlier.available()).as("sold %d of %s while %s, earlier, had units left: %s", taken, lot, earlier, context)
                            .isLessThanOrEqualTo(0);
                }
            }
        }
        assertThat(total).as("units sold over all lots: " + context).isEqualTo(quantity);
    }

    /** Strictly earlier use-by; a lot without one comes after every lot with one. */
    private static boolean expiresBefore(LotAt a, LotAt b) {
        return a.useBy() != null && (b.useBy() == null || a.useBy().isBefore(b.useBy()));
    }

    private static boolean reserve(ProductId product, int quantity) {
        UUID id = UUID.randomUUID();
        return inventory.reserve(id, showroom, product, quantity, "order-" + id, "checkout")
                .onErrorResume(CatalogException.class, e -> e.code() == CatalogErrorCode.INSUFFICIENT_STOCK ? Mono.just(false) : Mono.error(e))
                .block();
    }

    private static boolean sell(ProductId product, int quantity) {
        inventory.sync(new SyncBatch(showroom, till, "fefo-till", null, List.of(new TillMovement(UUID.randomUUID(), "SALE",
                product.value(), null, quantity, null, null, OffsetDateTime.now())))).block();
        return true;
    }

    private static Map<UUID, LotAt> byLot(List<LotAt> lotsAt) {
        return lotsAt.stream().collect(Collectors.toMap(LotAt::lot, Function.identity()));
    }

    private static int reservedOf(LotAt lot) {
        return lot == null ? 0 : lot.reserved();
    }

    static Gen<Scenario> scenarios() {
        Gen<Take> take = booleans().all().zip(integers().between(1, 12), Take::new);
        return lists().of(lot()).ofSizeBetween(1, 6).zip(lists().of(take).ofSizeBetween(1, 3), Scenario::new)
                .describedAs(Scenario::describe);
    }

    /** A lot: use-by past (days ago), today, ahead or none; one in four recalled; 0 to 6 units received. */
    static Gen<LotSpec> lot() {
        Gen<Integer> useBy = arbitrary().pick(-30, -1, 0, 0, 1, 3, 3, 10, 45, 45, 200);
        return useBy.toOptionals(20).zip(integers().between(0, 3).map(d4 -> d4 == 0),
                integers().between(0, 6), (u, recalled, units) -> new LotSpec(u.orElse(null), recalled, units));
    }
}

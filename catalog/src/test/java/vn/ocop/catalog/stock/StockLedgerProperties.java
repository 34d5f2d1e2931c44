package vn.ocop.catalog.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.StockFixtures;
import vn.ocop.catalog.testing.StockFixtures.Stock;
import vn.ocop.devservices.TestServices;

/**
 * Movements are deltas, so the order in which batches arrive must not matter: for any tills' outboxes cut
 * into batches, sent in any order, some twice, some at the same moment, together with online reservations
 * (some retried), the stock ends where the movements say and the ledger holds each movement exactly once.
 * On failure QuickTheories prints the smallest scenario it found, the order the sends were shuffled into,
 * what was expected and the seed; {@code -DQT_SEED=…} replays it.
 */
class StockLedgerProperties {

    static final int TILLS = 3;
    static ConfigurableApplicationContext context;
    static Inventory inventory;
    static StockFixtures fixtures;
    static LocationId showroom;
    static List<TillKey> tills;
    static ProducerId producer;
    static Catalog catalog;

    /** One till's movement: a product (0 or 1), SALE / RECEIPT / COUNT (a count's delta is counted − expected). */
    record Line(int product, String type, int quantity, int expected) {
        int delta() {
            return switch (type) {
                case "SALE" -> -quantity;
                case "RECEIPT" -> quantity;
                default -> quantity - expected;
            };
        }

        /** "SALE p0 3", "RECEIPT p1 5", "COUNT p0 2 (expected 8)" */
        @Override
        public String toString() {
            return type + " p" + product + " " + quantity + (type.equals("COUNT") ? " (expected " + expected + ")" : "");
        }
    }

    /** What happens: each till's lines cut in batches of {@code batchSize}, online reservations, and a seed that orders it all. */
    record Scenario(List<List<Line>> tillLines, int batchSize, List<Integer> reservations, long seed) {

        /** "till 0 [SALE p0 3, COUNT p1 2 (expected 8)], till 1 [], till 2 [...], batches of 2, reservations [1, 4], seed 42" */
        String describe() {
            StringBuilder out = new StringBuilder();
            for (int t = 0; t < tillLines.size(); t++) {
                out.append("till ").append(t).append(' ').append(tillLines.get(t)).append(", ");
            }
            return out + "batches of " + batchSize + ", reservations " + reservations + ", seed " + seed;
        }
    }

    /** One request sent to the inventory, and how a failure message names it. */
    record Send(String what, Mono<?> request) {
    }

    @BeforeAll
    static void start() {
        var pg = TestServices.postgres();
        String db = TestServices.createDatabase("StockLedgerProperties");
        context = new SpringApplicationBuilder(CatalogTestApplication.class)
                .properties("ocop.test.app=catalog", "spring.r2dbc.url=" + pg.r2dbcUrl(db), "spring.r2dbc.username=" + pg.user(),
                        "spring.flyway.url=" + pg.jdbcUrl(db), "spring.flyway.user=" + pg.user(), "spring.flyway.password=",
                        "spring.r2dbc.pool.max-size=8", "spring.main.banner-mode=off")
                .run();
        inventory = context.getBean(Inventory.class);
        catalog = context.getBean(Catalog.class);
        fixtures = new StockFixtures(context.getBean(DatabaseClient.class));
        showroom = fixtures.showroom("Showroom OCOP (property)", true).block();
        TillKeys keys = context.getBean(TillKeys.class);
        tills = Flux.range(1, TILLS).concatMap(i -> keys.issue(showroom, "Quầy " + i)).map(k -> k.key()).collectList().block();
        producer = fixtures.catalog().producer("HTX thử tính chất", null).block();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void anyInterleavingDuplicationAndReorderingEndsInTheSameStock() {
        qt().withExamples(60).forAll(scenarios()).checkAssert(StockLedgerProperties::endsWhereTheMovementsSay);
    }

    private static void endsWhereTheMovementsSay(Scenario s) {
        List<ProductId> products = List.of(
                fixtures.sellableProduct(producer, "Mật ong " + UUID.randomUUID(), catalog.today()).block(),
                fixtures.sellableProduct(producer, "Chè " + UUID.randomUUID(), catalog.today()).block());
        // enough on hand that no reservation can fail whatever the order: then order cannot matter
        inventory.sync(new SyncBatch(showroom, tills.get(0), "setup", null,
                products.stream().map(p -> move(p, "RECEIPT", 1000, null)).toList())).block();

        List<Send> sends = new ArrayList<>();
        Random random = new Random(s.seed());
        for (int t = 0; t < TILLS; t++) {
            List<TillMovement> outbox = s.tillLines().get(t).stream().map(l -> movement(products, l)).toList();
            for (int from = 0; from < outbox.size(); from += s.batchSize()) {
                var batch = new SyncBatch(showroom, tills.get(t), "till-" + t, null, outbox.subList(from, Math.min(outbox.size(), from + s.batchSize())));
                int copies = 1 + random.nextInt(3); // a lost answer makes the till send the same batch again
                for (int c = 0; c < copies; c++) {
                    sends.add(new Send("till " + t + " lines " + from + ".." + (from + batch.movements().size() - 1) + " (copy " + (c + 1) + ")",
                            inventory.sync(batch)));
                }
            }
        }
        for (int r = 0; r < s.reservations().size(); r++) {
            int q = s.reservations().get(r);
            UUID id = UUID.randomUUID();
            int copies = 1 + random.nextInt(2);
            for (int c = 0; c < copies; c++) {
                sends.add(new Send("reservation " + r + " of " + q + " (copy " + (c + 1) + ")",
                        inventory.reserve(id, showroom, products.get(0), q, "order-" + id, "checkout")));
            }
        }
        Collections.shuffle(sends, random);
        Flux.fromIterable(sends).flatMap(send -> send.request().subscribeOn(Schedulers.parallel()), 4).then().block();

        List<String> order = sends.stream().map(Send::what).toList();
        for (int p = 0; p < 2; p++) {
            int product = p;
            int tillDelta = s.tillLines().stream().flatMap(List::stream).filter(l -> l.product() == product).mapToInt(Line::delta).sum();
            int reserved = product == 0 ? s.reservations().stream().mapToInt(Integer::intValue).sum() : 0;
            assertThat(fixtures.stock(showroom, products.get(p)).block())
                    .as("stock of product p%d: 1000 received, %+d from the tills' lines, %d reserved; sent 4 at a time from %s",
                            p, tillDelta, reserved, order)
                    .isEqualTo(new Stock(1000 + tillDelta, reserved));
            long lines = s.tillLines().stream().flatMap(List::stream).filter(l -> l.product() == product).count();
            long reservations = product == 0 ? s.reservations().size() : 0;
            assertThat(fixtures.movementCount(products.get(p)).block())
                    .as("movements of product p%d in the ledger: 1 receipt, %d till lines, %d reservations, each once; sent 4 at a time from %s",
                            p, lines, reservations, order)
                    .isEqualTo(1 + lines + reservations);
        }
    }

    static Gen<Scenario> scenarios() {
        Gen<Line> line = integers().between(0, 1).zip(
                arbitrary().pick("SALE", "SALE", "SALE", "RECEIPT", "COUNT"),
                integers().between(1, 5),
                integers().between(0, 8),
                Line::new);
        Gen<List<Line>> outbox = lists().of(line).ofSizeBetween(0, 12);
        return lists().of(outbox).ofSize(TILLS).zip(
                        integers().between(1, 5),
                        lists().of(integers().between(1, 4)).ofSizeBetween(0, 6),
                        longs().all(),
                        Scenario::new)
                .describedAs(Scenario::describe);
    }

    private static TillMovement movement(List<ProductId> products, Line l) {
        return l.type().equals("COUNT")
                ? new TillMovement(UUID.randomUUID(), "COUNT", products.get(l.product()).value(), null, null, l.expected(), l.quantity(), OffsetDateTime.now())
                : move(products.get(l.product()), l.type(), l.quantity(), null);
    }

    private static TillMovement move(ProductId product, String type, int quantity, UUID id) {
        return new TillMovement(id == null ? UUID.randomUUID() : id, type, product.value(), null, quantity, null, null, OffsetDateTime.now());
    }
}

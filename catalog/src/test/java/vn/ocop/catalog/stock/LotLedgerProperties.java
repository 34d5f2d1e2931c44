package vn.ocop.catalog.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.CatalogTestApplication;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.testing.LotFixtures;
import vn.ocop.catalog.testing.StockFixtures;
import vn.ocop.devservices.TestServices;

/**
 * Per lot the ledger sums to the stock, whatever happens in whatever order: for lots of two products (use-by past,
 * today, ahead or none), receipts naming lots at a producer's warehouse and at a showroom, transfers between them (of a
 * named lot, or earliest use-by first), orders that reserve and then release or hand over, tills' batches (sales of a
 * named lot or none, counts, receipts; some sent twice) and recalls, shuffled and sent 4 at a time:
 * <ol type="a">
 * <li>per (location, lot) the movements' splits sum to the lot's stock row;</li>
 * <li>per (location, product) the lots' rows sum to the product's stock row;</li>
 * <li>every movement is split over lots of its own product, location, and deltas, exactly;</li>
 * <li>no reservation ever landed on a lot past its use-by, or recalled, when it was applied;</li>
 * <li>a reservation is refused exactly when the usable lots could not cover it (unless a recall raced it);</li>
 * <li>a release or a hand-over gives back the lots its own order set aside, so each order's lots net out.</li>
 * </ol>
 * On failure QuickTheories prints the smallest scenario it found, the order the sends were shuffled into and the seed;
 * {@code -DQT_SEED=…} replays it.
 */
class LotLedgerProperties {

    static final int PRODUCTS = 2;
    static final int LOTS = 3;
    static final int TILLS = 2;
    static ConfigurableApplicationContext context;
    static Inventory inventory;
    static StockLedger ledger;
    static TransactionalOperator transactions;
    static DatabaseClient db;
    static StockFixtures fixtures;
    static LotFixtures lotFixtures;
    static Catalog catalog;
    static ProducerId producer;
    static TillKeys keys;

    /** A lot's use-by in days from today; null: none (goods that do not spoil). */
    static final List<Integer> USE_BY = java.util.Arrays.asList(-3, 0, 7, 60, null);

    sealed interface Op permits Receive, Transfer, Order, Till, Recall {
    }

    /** Units of a named lot received at the warehouse (the producer's form) or the showroom (staff's form). */
    record Receive(boolean atShowroom, int product, int lot, int quantity) implements Op {
        @Override
        public String toString() {
            return "receive p" + product + "/L" + lot + " ×" + quantity + (atShowroom ? " at showroom" : " at warehouse");
        }
    }

    /** Warehouse to showroom, of a named lot ({@code lot} ≥ 0) or earliest use-by first (−1); sent once or twice. */
    record Transfer(int product, int lot, int quantity, boolean retried) implements Op {
        @Override
        public String toString() {
            return "transfer p" + product + (lot < 0 ? " FEFO" : "/L" + lot) + " ×" + quantity + (retried ? " (twice)" : "");
        }
    }

    /** An order reserves, then releases {@code released} and, when {@code handedOver}, hands the rest over. */
    record Order(boolean atShowroom, int product, int quantity, int released, boolean handedOver) implements Op {
        @Override
        public String toString() {
            return "order p" + product + " ×" + quantity + (atShowroom ? " at showroom" : " at warehouse")
                    + (released > 0 ? ", release " + released : "") + (handedOver ? ", hand over the rest" : "");
        }
    }

    /** One line of a till's batch: a SALE, a COUNT (counted − expected) or a RECEIPT, of a named lot or none (−1). */
    record Line(String type, int product, int lot, int quantity, int expected) {
        @Override
        public String toString() {
            return type + " p" + product + (lot < 0 ? "" : "/L" + lot) + " " + quantity + (type.equals("COUNT") ? " (expected " + expected + ")" : "");
        }
    }

    record Till(int till, List<Line> lines, boolean sentTwice) implements Op {
        @Override
        public String toString() {
            return "till " + till + " " + lines + (sentTwice ? " (sent twice)" : "");
        }
    }

    record Recall(int product, int lot) implements Op {
        @Override
        public String toString() {
            return "recall p" + product + "/L" + lot;
        }
    }

    /** The lots' use-by (index into {@link #USE_BY}) per product and lot, what happens, and a seed that orders it. */
    record Scenario(List<Integer> useBy, List<Op> ops, long seed) {
        String describe() {
            StringBuilder lots = new StringBuilder();
            for (int i = 0; i < useBy.size(); i++) {
                Integer days = USE_BY.get(useBy.get(i));
                lots.append("p").append(i / LOTS).append("/L").append(i % LOTS).append(days == null ? " no use-by" : " use-by " + days + "d").append(", ");
            }
            return lots + "then " + ops + ", seed " + seed;
        }

        Integer useByInDays(int product, int lot) {
            return USE_BY.get(useBy.get(product * LOTS + lot));
        }
    }

    /** One request, how a failure names it. */
    record Send(String what, Mono<?> request) {
    }

    /** A reservation as it went: usable available just before it (its stock row locked), and whether it was applied. */
    record Reservation(String what, ProductId product, int quantity, int availableBefore, boolean applied, OffsetDateTime from, OffsetDateTime to) {
    }

    /** A recall and the window in which it was under way (committed by {@code knownBy}). */
    record Recalled(UUID lot, ProductId product, OffsetDateTime from, OffsetDateTime knownBy) {
    }

    /** What one scenario's run built and saw. */
    record Run(LocationId warehouse, LocationId showroom, List<TillKey> tills, List<ProductId> products, List<List<UUID>> lots, LocalDate today, List<Reservation> reservations,
               Map<UUID, Recalled> recalls, Map<String, Integer> stillReserved) {
    }

    @BeforeAll
    static void start() {
        var pg = TestServices.postgres();
        String name = TestServices.createDatabase("LotLedgerProperties");
        context = new SpringApplicationBuilder(CatalogTestApplication.class)
                .properties("ocop.test.app=catalog", "spring.r2dbc.url=" + pg.r2dbcUrl(name), "spring.r2dbc.username=" + pg.user(),
                        "spring.flyway.url=" + pg.jdbcUrl(name), "spring.flyway.user=" + pg.user(), "spring.flyway.password=",
                        "spring.r2dbc.pool.max-size=8", "spring.main.banner-mode=off")
                .run();
        inventory = context.getBean(Inventory.class);
        ledger = context.getBean(StockLedger.class);
        transactions = context.getBean(TransactionalOperator.class);
        catalog = context.getBean(Catalog.class);
        db = context.getBean(DatabaseClient.class);
        fixtures = new StockFixtures(db);
        lotFixtures = new LotFixtures(db);
        producer = fixtures.catalog().producer("HTX truy xuất lô", null).block();
        keys = context.getBean(TillKeys.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void perLotTheLedgerSumsToTheStockAndNothingUnusableIsReservedUnderAnyInterleaving() {
        qt().withExamples(40).withShrinkCycles(100).forAll(scenarios()).checkAssert(LotLedgerProperties::holdsAfterAnyInterleaving);
    }

    private static void holdsAfterAnyInterleaving(Scenario s) {
        Run run = setUp(s);
        Random random = new Random(s.seed());
        List<Send> sends = new ArrayList<>();
        for (int i = 0; i < s.ops().size(); i++) {
            sends.addAll(sends(s, run, i, s.ops().get(i)));
        }
        Collections.shuffle(sends, random);
        Flux.fromIterable(sends).flatMap(send -> send.request().subscribeOn(Schedulers.parallel()), 4).then().block();

        String order = "; sent 4 at a time in the order " + sends.stream().map(Send::what).toList();
        assertThat(violations(LEDGER_PER_LOT, run)).as("(a) per (location, lot) the splits sum to the lot's stock" + order).isEmpty();
        assertThat(violations(LOTS_PER_PRODUCT, run)).as("(b) per (location, product) the lots sum to the stock row" + order).isEmpty();
        assertThat(violations(SPLITS_PER_MOVEMENT, run)).as("(c) each movement split exactly over its own product's lots" + order).isEmpty();
        assertThat(unusableReserved(run)).as("(d) reservations that landed on a lot past its use-by or recalled" + order).isEmpty();
        for (Reservation r : run.reservations()) {
            boolean raced = run.recalls().values().stream()
                    .anyMatch(c -> c.product().equals(r.product()) && !c.from().isAfter(r.to()) && !c.knownBy().isBefore(r.from()));
            if (r.applied() || !raced) {
                assertThat(r.applied()).as("(e) %s with %d usable available just before it: applied exactly when they covered it%s",
                        r.what(), r.availableBefore(), order).isEqualTo(r.availableBefore() >= r.quantity());
            }
        }
        assertThat(ordersLots(run)).as("(f) each order's lots, set aside less given back, as the order says" + order)
                .isEqualTo(run.stillReserved());
    }

    /** A new warehouse and showroom with its tills (a till's answer reads its location's stock), two new products, their lots (held nowhere yet). */
    private static Run setUp(Scenario s) {
        LocationId warehouse = fixtures.warehouse(producer).block();
        LocationId showroom = fixtures.showroom("Showroom OCOP (lô)", true).block();
        List<TillKey> tills = Flux.range(1, TILLS).concatMap(i -> keys.issue(showroom, "Quầy lô " + i)).map(k -> k.key()).collectList().block();
        List<ProductId> products = new ArrayList<>();
        List<List<UUID>> lots = new ArrayList<>();
        LocalDate today = lotFixtures.today().block();
        for (int p = 0; p < PRODUCTS; p++) {
            ProductId product = fixtures.sellableProduct(producer, "Miến dong " + UUID.randomUUID(), catalog.today()).block();
            products.add(product);
            List<UUID> ofProduct = new ArrayList<>();
            for (int l = 0; l < LOTS; l++) {
                Integer days = s.useByInDays(p, l);
                ofProduct.add(lotFixtures.lot(product, code(l), days == null ? null : today.plusDays(days)).block());
            }
            lots.add(ofProduct);
        }
        return new Run(warehouse, showroom, tills, products, lots, today, new CopyOnWriteArrayList<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    private static List<Send> sends(Scenario s, Run run, int index, Op op) {
        String what = "#" + index + " " + op;
        if (op instanceof Receive r) {
            return List.of(new Send(what, receive(s, run, r)));
        }
        if (op instanceof Transfer t) {
            UUID id = UUID.randomUUID();
            List<Send> copies = new ArrayList<>(List.of(new Send(what, transfer(run, t, id))));
            if (t.retried()) {
                copies.add(new Send(what + " (copy 2)", transfer(run, t, id)));
            }
            return copies;
        }
        if (op instanceof Order o) {
            return order(run, o, what);
        }
        if (op instanceof Till t) {
            SyncBatch batch = batch(s, run, t);
            List<Send> copies = new ArrayList<>(List.of(new Send(what, inventory.sync(batch))));
            if (t.sentTwice()) {
                copies.add(new Send(what + " (copy 2)", inventory.sync(batch)));
            }
            return copies;
        }
        Recall r = (Recall) op;
        return List.of(new Send(what, Mono.defer(() -> {
            UUID lot = run.lots().get(r.product()).get(r.lot());
            OffsetDateTime from = OffsetDateTime.now();
            return lotFixtures.recall(lot).doOnNext(knownBy -> run.recalls()
                    .putIfAbsent(lot, new Recalled(lot, run.products().get(r.product()), from, knownBy)));
        })));
    }

    private static Mono<?> receive(Scenario s, Run run, Receive r) {
        Movement receipt = Movement.of(UUID.randomUUID(), MovementType.RECEIPT, run.products().get(r.product()), r.quantity(), OffsetDateTime.now(), null)
                .ofLot(lotRef(s, run, r.product(), r.lot()));
        return r.atShowroom()
                ? inventory.recordAtLocation(run.showroom(), List.of(receipt), "staff@ocop.vn")
                : inventory.recordAtWarehouse(producer, run.warehouse(), List.of(receipt), "htx@ocop.vn");
    }

    /** FEFO through the facade; a named lot as the facade's transfer would send it, the two legs in one transaction. */
    private static Mono<?> transfer(Run run, Transfer t, UUID id) {
        ProductId product = run.products().get(t.product());
        Mono<?> sent;
        if (t.lot() < 0) {
            sent = inventory.transfer(producer, id, run.warehouse(), run.showroom(), product, t.quantity(), "htx@ocop.vn");
        } else {
            OffsetDateTime at = OffsetDateTime.now();
            Movement out = new Movement(id, MovementType.TRANSFER_OUT, product, t.quantity(), null, null, at, id.toString(), null)
                    .ofLot(LotRef.named(code(t.lot())));
            Movement in = new Movement(Inventory.derivedId(id, "in"), MovementType.TRANSFER_IN, product, t.quantity(), null, null, at,
                    id.toString(), null);
            StockLedger.Recorder by = new StockLedger.Recorder("htx@ocop.vn", null);
            sent = transactions.transactional(ledger.guarded(run.warehouse(), out, by).flatMap(applied -> ledger.addAll(run.showroom(), List.of(in), by)))
                    .retryWhen(Transient.RETRY);
        }
        return sent.onErrorResume(CatalogException.class, e -> e.code() == CatalogErrorCode.INSUFFICIENT_STOCK ? Mono.empty() : Mono.error(e));
    }

    /**
     * The reservation, and (a send of its own, shuffled with the rest) its release and hand-over, which run after it:
     * both subscribe to the one cached reservation.
     */
    private static List<Send> order(Run run, Order o, String what) {
        ProductId product = run.products().get(o.product());
        LocationId at = o.atShowroom() ? run.showroom() : run.warehouse();
        String reference = "order-" + UUID.randomUUID();
        Mono<Boolean> reserved = reserve(run, what, at, product, o.quantity(), reference).cache();
        int rest = o.quantity() - o.released();
        Mono<?> after = reserved.flatMap(applied -> {
            if (!applied) {
                return Mono.empty();
            }
            Mono<Boolean> release = o.released() == 0 ? Mono.just(true)
                    : inventory.release(UUID.randomUUID(), at, product, o.released(), reference, "checkout");
            Mono<Boolean> handOver = !o.handedOver() || rest == 0 ? Mono.just(true)
                    : inventory.fulfil(UUID.randomUUID(), at, product, rest, reference, "staff@ocop.vn");
            return release.then(handOver).doOnSuccess(done -> run.stillReserved().put(reference, o.handedOver() ? 0 : rest));
        });
        return o.released() == 0 && !o.handedOver()
                ? List.of(new Send(what, reserved.doOnNext(applied -> {
                    if (applied) {
                        run.stillReserved().put(reference, o.quantity());
                    }
                })))
                : List.of(new Send(what + " (reserve)", reserved), new Send(what + " (release/hand over)", after));
    }

    /** Reads what is usable and available with the product's stock row locked (as the reservation itself locks it), then reserves in the same transaction. */
    private static Mono<Boolean> reserve(Run run, String what, LocationId at, ProductId product, int quantity, String reference) {
        return Mono.defer(() -> {
            OffsetDateTime from = OffsetDateTime.now();
            AtomicInteger before = new AtomicInteger(-1);
            // a row of zeros when there is none yet, so that there is a row to lock while reading
            Mono<Boolean> reserve = db.sql("insert into stock (location_id, product_id) values (:l, :p) on conflict do nothing")
                    .bind("l", at.value()).bind("p", product.value()).then()
                    .then(db.sql("select 1 from stock where location_id = :l and product_id = :p for update")
                            .bind("l", at.value()).bind("p", product.value()).then())
                    .then(lotFixtures.available(at, product))
                    .doOnNext(before::set)
                    .then(inventory.reserve(UUID.randomUUID(), at, product, quantity, reference, "checkout"));
            return transactions.transactional(reserve)
                    .onErrorResume(CatalogException.class, e -> e.code() == CatalogErrorCode.INSUFFICIENT_STOCK ? Mono.just(false) : Mono.error(e))
                    .doOnNext(applied -> run.reservations().add(
                            new Reservation(what, product, quantity, before.get(), applied, from, OffsetDateTime.now())));
        });
    }

    private static SyncBatch batch(Scenario s, Run run, Till t) {
        List<TillMovement> movements = t.lines().stream().map(l -> {
            UUID product = run.products().get(l.product()).value();
            String code = l.lot() < 0 ? null : code(l.lot());
            return switch (l.type()) {
                case "COUNT" -> new TillMovement(UUID.randomUUID(), "COUNT", product, null, null, l.expected(), l.quantity(),
                        OffsetDateTime.now(), null, code, null, null);
                case "RECEIPT" -> {
                    LotRef lot = lotRef(s, run, l.product(), Math.max(0, l.lot()));
                    yield new TillMovement(UUID.randomUUID(), "RECEIPT", product, null, l.quantity(), null, null, OffsetDateTime.now(), null,
                            lot.code(), null, lot.useBy());
                }
                default -> new TillMovement(UUID.randomUUID(), "SALE", product, null, l.quantity(), null, null, OffsetDateTime.now(), null,
                        code, null, null);
            };
        }).toList();
        return new SyncBatch(run.showroom(), run.tills().get(t.till()), "till-" + t.till(), null, movements);
    }

    private static LotRef lotRef(Scenario s, Run run, int product, int lot) {
        Integer days = s.useByInDays(product, lot);
        return new LotRef(code(lot), null, days == null ? null : run.today().plusDays(days));
    }

    private static String code(int lot) {
        return "L" + lot;
    }

    private static final String LEDGER_PER_LOT = """
            with split as (
                select location_id, lot_id, sum(on_hand_delta) as on_hand, sum(reserved_delta) as reserved
                from stock_movement_lot where product_id = any(:products) group by location_id, lot_id),
            held as (select * from stock_lot where product_id = any(:products))
            select format('%s at %s: stock_lot %s on hand / %s reserved, the splits %s / %s', l.code, coalesce(h.location_id, s.location_id),
                          h.on_hand, h.reserved, s.on_hand, s.reserved) as v
            from held h full join split s on s.location_id = h.location_id and s.lot_id = h.lot_id
            join lot l on l.id = coalesce(h.lot_id, s.lot_id)
            where coalesce(h.on_hand, 0) <> coalesce(s.on_hand, 0) or coalesce(h.reserved, 0) <> coalesce(s.reserved, 0)""";

    private static final String LOTS_PER_PRODUCT = """
            with lots as (
                select location_id, product_id, sum(on_hand) as on_hand, sum(reserved) as reserved
                from stock_lot where product_id = any(:products) group by location_id, product_id),
            rows as (select * from stock where product_id = any(:products))
            select format('product %s at %s: stock %s on hand / %s reserved, its lots %s / %s', coalesce(r.product_id, x.product_id),
                          coalesce(r.location_id, x.location_id), r.on_hand, r.reserved, x.on_hand, x.reserved) as v
            from rows r full join lots x on x.location_id = r.location_id and x.product_id = r.product_id
            where coalesce(r.on_hand, 0) <> coalesce(x.on_hand, 0) or coalesce(r.reserved, 0) <> coalesce(x.reserved, 0)""";

    private static final String SPLITS_PER_MOVEMENT = """
            select format('%s %s of %s (lot %s): moved %s / %s, its splits %s / %s', m.type, m.id, m.quantity, m.lot_code,
                          m.on_hand_delta, m.reserved_delta, sum(sml.on_hand_delta), sum(sml.reserved_delta)) as v
            from stock_movement m
            left join stock_movement_lot sml on sml.movement_id = m.id
            left join lot l on l.id = sml.lot_id
            where m.product_id = any(:products)
            group by m.id
            having m.on_hand_delta <> coalesce(sum(sml.on_hand_delta), 0) or m.reserved_delta <> coalesce(sum(sml.reserved_delta), 0)
                or bool_or(sml.location_id <> m.location_id or sml.product_id <> m.product_id or l.product_id <> m.product_id)""";

    private static List<String> violations(String sql, Run run) {
        return db.sql(sql).bind("products", run.products().stream().map(ProductId::value).toArray(UUID[]::new))
                .map((row, md) -> row.get("v", String.class)).all().collectList().block();
    }

    /** RESERVE splits on a lot past its use-by the day it was applied, or on a lot whose recall had committed before. */
    private static List<String> unusableReserved(Run run) {
        return db.sql("""
                        select sml.lot_id, l.code, l.use_by, ict_date(m.applied_at) as day, m.applied_at, sml.reserved_delta, m.reference
                        from stock_movement m join stock_movement_lot sml on sml.movement_id = m.id join lot l on l.id = sml.lot_id
                        where m.type = 'RESERVE' and m.product_id = any(:products)""")
                .bind("products", run.products().stream().map(ProductId::value).toArray(UUID[]::new))
                .map((row, md) -> {
                    UUID lot = row.get("lot_id", UUID.class);
                    LocalDate useBy = row.get("use_by", LocalDate.class);
                    OffsetDateTime applied = row.get("applied_at", OffsetDateTime.class);
                    Recalled recall = run.recalls().get(lot);
                    boolean expired = useBy != null && useBy.isBefore(row.get("day", LocalDate.class));
                    boolean recalled = recall != null && recall.knownBy().isBefore(applied);
                    return expired || recalled ? "%s reserved %d of %s (use-by %s%s) at %s".formatted(row.get("reference", String.class),
                            row.get("reserved_delta", Integer.class), row.get("code", String.class), useBy,
                            recalled ? ", recalled by " + recall.knownBy() : "", applied) : "";
                })
                .all().filter(v -> !v.isEmpty()).collectList().block();
    }

    /**
     * Per order still holding units, what its movements' splits leave reserved (it must be what the order still holds, so
     * a hand-over took its own lots), and for every order, any lot it gave back more of than it set aside.
     */
    private static Map<String, Integer> ordersLots(Run run) {
        Map<String, Integer> held = new java.util.HashMap<>();
        db.sql("""
                        select m.reference, sml.lot_id, sum(sml.reserved_delta)::int as net
                        from stock_movement m join stock_movement_lot sml on sml.movement_id = m.id
                        where m.product_id = any(:products) and m.reference like 'order-%'
                        group by m.reference, sml.lot_id""")
                .bind("products", run.products().stream().map(ProductId::value).toArray(UUID[]::new))
                .map((row, md) -> Map.entry(row.get("reference", String.class), row.get("net", Integer.class)))
                .all()
                .doOnNext(e -> {
                    if (e.getValue() < 0) {
                        held.put(e.getKey() + " gave back more of one lot than it set aside", e.getValue());
                    }
                    held.merge(e.getKey(), e.getValue(), Integer::sum);
                })
                .then().block();
        return held;
    }

    static Gen<Scenario> scenarios() {
        Gen<Integer> product = integers().between(0, PRODUCTS - 1);
        Gen<Integer> lot = integers().between(0, LOTS - 1);
        Gen<Integer> lotOrNone = integers().between(-1, LOTS - 1);
        Gen<Op> receive = booleans().all().zip(product, lot, integers().between(1, 8), Receive::new);
        Gen<Op> transfer = product.zip(lotOrNone, integers().between(1, 5), integers().between(0, 3).map(d4 -> d4 == 0), Transfer::new);
        Gen<Op> order = booleans().all().zip(product, integers().between(1, 4), integers().between(0, 4), booleans().all(),
                (atShowroom, p, q, released, handedOver) -> new Order(atShowroom, p, q, Math.min(q, released), handedOver));
        Gen<Line> line = arbitrary().pick("SALE", "SALE", "COUNT", "RECEIPT").zip(product, lotOrNone, integers().between(0, 6), integers().between(0, 8),
                (type, p, l, q, expected) -> new Line(type, p, l, type.equals("COUNT") ? q : Math.max(1, q), expected));
        Gen<Op> till = integers().between(0, TILLS - 1).zip(lists().of(line).ofSizeBetween(1, 4), booleans().all(), Till::new);
        Gen<Op> recall = product.zip(lot, Recall::new);
        Gen<Op> op = Generate.frequency(List.of(Pair.of(4, receive), Pair.of(3, transfer), Pair.of(4, order), Pair.of(3, till), Pair.of(1, recall)));
        return lists().of(integers().between(0, USE_BY.size() - 1)).ofSize(PRODUCTS * LOTS).zip(
                        lists().of(op).ofSizeBetween(4, 24),
                        longs().all(),
                        Scenario::new)
                .describedAs(Scenario::describe);
    }
}

package vn.ocop.catalog.demo;

import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Loads the demo catalog once: the real OCOP products of {@code demo/ocop_products.csv} with their producers and
 * rankings, demo prices, weights estimated from the sales units, demo locations and one till key. Loading again
 * changes nothing.
 */
@Component
class DemoLoader {

    /** The Hà Nội showroom till's key; public on purpose, it is demo data. Only its SHA-256 is stored. */
    public static final String TILL_KEY = "ocop-demo-till-hanoi-showroom-2026";

    // serialises concurrent loads (several app instances starting at once) inside their transactions
    private static final long LOAD_LOCK = 0x0c0bde30L;

    private static final String COUNT_DEMO_ROWS = """
            select (select count(*) from producer where demo) as producers,
                   (select count(*) from product p join producer pr on pr.id = p.producer_id where pr.demo) as products,
                   (select count(*) from location where demo) as locations""";

    /**
     * Opening stock at the demo outlets, recorded as RECEIPT movements with ids derived from place and product so
     * that loading again adds nothing: about a third of the products at each outlet, half at the Hà Nội showroom.
     * The member producer's goods start at none: its demo account receives them at its warehouse and sends them on.
     */
    /**
     * Demo stock arrives as lots with dates, as a receipt would bring them: food, drinks and herbal goods made 10 to 70
     * days ago with a use-by a year after (one in seven close to it, so the "expiring" lists have something to show),
     * handicrafts and plants with none. The lots trigger puts each receipt on the lot it names.
     */
    private static final String OPENING_STOCK = """
            with opening as (
                select l.id as location_id, p.id as product_id, p.producer_id,
                       4 + abs(hashtext(p.id::text || l.id::text)) % 37 as quantity,
                       catalog_today() - (10 + abs(hashtext(l.id::text || p.id::text || 'made')) % 60) as produced_on,
                       p.ocop_group in ('FOOD', 'DRINKS', 'HERBAL') as spoils,
                       abs(hashtext(p.id::text || l.id::text || 'soon')) % 7 = 0 as soon
                from location l
                join product p on p.status = 'ACTIVE'
                join producer pr on pr.id = p.producer_id and pr.demo and pr.id <> :member
                where l.demo and l.kind <> 'WAREHOUSE'
                  and abs(hashtext(l.id::text || p.id::text)) % (case when l.id = :hanoi then 2 else 3 end) = 0),
            lots as (
                insert into lot (id, product_id, producer_id, code, produced_on, use_by, created_by)
                select md5('demo-lot:' || o.location_id || ':' || o.product_id)::uuid, o.product_id, o.producer_id,
                       'L' || to_char(o.produced_on, 'YYMMDD') || '-' || upper(left(md5(o.location_id::text), 3)), o.produced_on,
                       case when not o.spoils then null
                            when o.soon then catalog_today() + (5 + abs(hashtext(o.product_id::text)) % 20)
                            else (o.produced_on + interval '12 months')::date end,
                       'demo'
                from opening o
                on conflict do nothing),
            inserted as (
                insert into stock_movement (id, type, location_id, product_id, producer_id, quantity, on_hand_delta,
                                            reserved_delta, recorded_by, note, occurred_at, lot_code)
                select md5('demo-stock:' || o.location_id || ':' || o.product_id)::uuid, 'RECEIPT', o.location_id, o.product_id, o.producer_id,
                       o.quantity, o.quantity, 0, 'demo', 'demo opening stock', now(),
                       'L' || to_char(o.produced_on, 'YYMMDD') || '-' || upper(left(md5(o.location_id::text), 3))
                from opening o
                on conflict (id) do nothing
                returning location_id, product_id, on_hand_delta)
            insert into stock (location_id, product_id, on_hand)
            select location_id, product_id, on_hand_delta from inserted
            on conflict (location_id, product_id) do update set on_hand = stock.on_hand + excluded.on_hand""";

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final DemoInserts inserts;

    DemoLoader(DatabaseClient db, TransactionalOperator transactions) {
        this.db = db;
        this.transactions = transactions;
        this.inserts = new DemoInserts(db);
    }

    /** {@code today} fixes the demo issue dates of rankings whose source gives no date. */
    public Mono<LoadedDemo> load(LocalDate today) {
        return Mono.fromCallable(() -> DemoPlan.build(DemoData.load(), today))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(plan -> transactions.transactional(loadUnlessPresent(plan).flatMap(this::openingStock)));
    }

    private Mono<LoadedDemo> loadUnlessPresent(DemoPlan plan) {
        return lockLoad()
                .then(countDemoRows())
                .flatMap(present -> present.any()
                        ? Mono.just(plan.loaded(true, present))
                        : inserts.insert(plan).thenReturn(plan.loaded(false, plan.counts())));
    }

    private Mono<LoadedDemo> openingStock(LoadedDemo loaded) {
        return db.sql(OPENING_STOCK)
                .bind("member", loaded.memberProducerId())
                .bind("hanoi", loaded.showroomId())
                .then()
                .thenReturn(loaded);
    }

    private Mono<Void> lockLoad() {
        return db.sql("select pg_advisory_xact_lock(:key)").bind("key", LOAD_LOCK).then();
    }

    private Mono<DemoCounts> countDemoRows() {
        return db.sql(COUNT_DEMO_ROWS)
                .map((row, metadata) -> new DemoCounts(
                        row.get("producers", Long.class).intValue(),
                        row.get("products", Long.class).intValue(),
                        row.get("locations", Long.class).intValue()))
                .one();
    }
}

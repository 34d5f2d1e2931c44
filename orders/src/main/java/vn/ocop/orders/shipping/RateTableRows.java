package vn.ocop.orders.shipping;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.RateTable;
import vn.ocop.orders.RateTableChange;
import vn.ocop.orders.ShippingZone;

/** The rate table's rows: read whole in one query, replaced whole in the caller's transaction. */
@Repository
public class RateTableRows {

    private final DatabaseClient db;

    RateTableRows(DatabaseClient db) {
        this.db = db;
    }

    private record BandRow(ShippingZone zone, int minDays, int maxDays, RateTable.WeightBand band) {
    }

    public Mono<RateTable> read() {
        return db.sql("""
                        select z.zone, z.min_days, z.max_days, b.from_grams, b.to_grams, b.fee_vnd, b.extra_per_500g_vnd
                        from shipping_zone z join shipping_band b on b.zone = z.zone order by z.zone, b.from_grams""")
                .map((r, md) -> new BandRow(ShippingZone.valueOf(r.get("zone", String.class)), r.get("min_days", Integer.class),
                        r.get("max_days", Integer.class), new RateTable.WeightBand(r.get("from_grams", Integer.class), r.get("to_grams", Integer.class),
                        new Vnd(r.get("fee_vnd", Long.class)), new Vnd(r.get("extra_per_500g_vnd", Long.class)))))
                .all().collectList()
                .map(RateTableRows::table);
    }

    private static RateTable table(List<BandRow> rows) {
        Map<ShippingZone, List<BandRow>> byZone = new LinkedHashMap<>();
        for (ShippingZone zone : ShippingZone.values()) {
            byZone.put(zone, new ArrayList<>());
        }
        rows.forEach(r -> byZone.get(r.zone()).add(r));
        return new RateTable(byZone.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new RateTable.ZoneRates(e.getKey(), e.getValue().get(0).minDays(), e.getValue().get(0).maxDays(),
                        e.getValue().stream().map(BandRow::band).toList()))
                .toList());
    }

    /** Replaces the whole table (it was checked by the caller) and notes who changed it. */
    public Mono<Void> replace(RateTable table, String by, OffsetDateTime at) {
        // one replacement at a time: a second waits for the first to commit, then replaces it
        return db.sql("lock table shipping_zone, shipping_band in share row exclusive mode").then()
                .then(db.sql("delete from shipping_band").then())
                .then(db.sql("delete from shipping_zone").then())
                .thenMany(Flux.fromIterable(table.zones()).concatMap(z -> db.sql("insert into shipping_zone (zone, min_days, max_days) values (:zone, :min, :max)")
                        .bind("zone", z.zone().name()).bind("min", z.minDays()).bind("max", z.maxDays()).then()
                        .thenMany(Flux.fromIterable(z.bands()).concatMap(b -> db.sql("""
                                        insert into shipping_band (zone, from_grams, to_grams, fee_vnd, extra_per_500g_vnd)
                                        values (:zone, :from, :to, :fee, :extra)""")
                                .bind("zone", z.zone().name()).bind("from", b.fromGrams())
                                .bind("to", Parameter.fromOrEmpty(b.toGrams(), Integer.class)).bind("fee", b.fee().dong())
                                .bind("extra", b.extraPer500g() == null ? 0L : b.extraPer500g().dong()).then()))))
                .then(db.sql("insert into shipping_table_change (changed_by, changed_at) values (:by, :at)").bind("by", by).bind("at", at).then());
    }

    /** When the table last changed and by whom; empty while it holds the starting rates. */
    public Mono<RateTableChange> lastChange() {
        return db.sql("select changed_by, changed_at from shipping_table_change order by id desc limit 1")
                .map((r, md) -> new RateTableChange(r.get("changed_by", String.class), r.get("changed_at", OffsetDateTime.class))).one();
    }
}

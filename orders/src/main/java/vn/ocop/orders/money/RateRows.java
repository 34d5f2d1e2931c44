package vn.ocop.orders.money;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.orders.CommissionRate;
import vn.ocop.orders.Percent;

/** The commission_rate table: rows added, never changed. */
@Repository
public class RateRows {

    private final DatabaseClient db;

    RateRows(DatabaseClient db) {
        this.db = db;
    }

    /** Every rate ever set, newest day first (then the latest set first). */
    public Flux<CommissionRate> all() {
        return db.sql("select id, scope, ocop_group, location_id, hundredths, effective_from, set_by, set_at from commission_rate"
                        + " order by effective_from desc, set_at desc, id")
                .map((row, md) -> rate(row))
                .all();
    }

    public Mono<Void> add(CommissionRate rate) {
        return db.sql("""
                        insert into commission_rate (id, scope, ocop_group, location_id, hundredths, effective_from, set_by, set_at)
                        values (:id, :scope, :group, :location, :hundredths, :from, :by, :at)""")
                .bind("id", rate.id())
                .bind("scope", rate.scope().name())
                .bind("group", Parameter.fromOrEmpty(rate.group() == null ? null : rate.group().name(), String.class))
                .bind("location", Parameter.fromOrEmpty(rate.location() == null ? null : rate.location().value(), UUID.class))
                .bind("hundredths", rate.percent().hundredths())
                .bind("from", rate.effectiveFrom())
                .bind("by", rate.setBy())
                .bind("at", rate.setAt())
                .then();
    }

    /** Everything statements need to price any day: the whole (small) history. */
    public Mono<RateBook> book() {
        return all().collectList().map(RateBook::new);
    }

    private static CommissionRate rate(Readable row) {
        String group = row.get("ocop_group", String.class);
        UUID location = row.get("location_id", UUID.class);
        return new CommissionRate(row.get("id", UUID.class), CommissionRate.Scope.valueOf(row.get("scope", String.class)),
                group == null ? null : OcopGroup.valueOf(group), location == null ? null : new LocationId(location),
                new Percent(row.get("hundredths", Integer.class)), row.get("effective_from", LocalDate.class),
                row.get("set_by", String.class), row.get("set_at", OffsetDateTime.class));
    }
}

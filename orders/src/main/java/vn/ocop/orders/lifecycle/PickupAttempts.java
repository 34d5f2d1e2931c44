package vn.ocop.orders.lifecycle;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.orders.TooManyAttempts;

/**
 * Wrong pickup codes typed at a location. After ten within ten minutes the counter waits until the oldest of
 * them is ten minutes old, so nobody can try codes until one fits; the count lives in PostgreSQL, so every
 * instance of the application keeps the same one.
 */
@Repository
public class PickupAttempts {

    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final DatabaseClient db;

    PickupAttempts(DatabaseClient db) {
        this.db = db;
    }

    /** TOO_MANY_ATTEMPTS while the location has had ten wrong codes within the last ten minutes. */
    public Mono<Void> check(LocationId location, OffsetDateTime now) {
        return db.sql("select at from pickup_code_failure where location_id = :location and at > :since order by at desc offset :skip limit 1")
                .bind("location", location.value()).bind("since", now.minus(WINDOW)).bind("skip", LIMIT - 1)
                .map((row, md) -> row.get("at", OffsetDateTime.class)).one()
                .flatMap(tenth -> Mono.<Void>error(new TooManyAttempts("too many wrong pickup codes here in the last 10 minutes: wait before trying again",
                        Duration.between(now, tenth.plus(WINDOW)).plusSeconds(1))));
    }

    /** Counts a wrong code (and forgets those older than a day). */
    public Mono<Void> failed(LocationId location, OffsetDateTime now) {
        return db.sql("insert into pickup_code_failure (location_id, at) values (:location, :at)")
                .bind("location", location.value()).bind("at", now).then()
                .then(db.sql("delete from pickup_code_failure where location_id = :location and at < :old")
                        .bind("location", location.value()).bind("old", now.minusDays(1)).then());
    }
}

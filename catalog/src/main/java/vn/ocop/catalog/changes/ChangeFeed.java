package vn.ocop.catalog.changes;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProductId;

/** The catalog_change table and its NOTIFY channel. */
@Repository
class ChangeFeed {

    private final DatabaseClient db;
    private final ConnectionFactory connections;

    ChangeFeed(DatabaseClient db, ConnectionFactory connections) {
        this.db = db;
        this.connections = connections;
    }

    public Flux<CatalogChange> pending(int limit) {
        return db.sql("select id, product_id from catalog_change where indexed_at is null order by id limit :limit")
                .bind("limit", limit)
                .map((row, md) -> new CatalogChange(row.get("id", Long.class), new ProductId(row.get("product_id", UUID.class))))
                .all();
    }

    public Mono<Void> markIndexed(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("update catalog_change set indexed_at = clock_timestamp() where id = any(:ids) and indexed_at is null")
                .bind("ids", ids.toArray(Long[]::new))
                .then();
    }

    public Mono<ChangeLag> lag() {
        return db.sql("select count(*) as n, min(changed_at) as oldest, clock_timestamp() as now from catalog_change where indexed_at is null")
                .map((row, md) -> {
                    OffsetDateTime oldest = row.get("oldest", OffsetDateTime.class);
                    OffsetDateTime now = row.get("now", OffsetDateTime.class);
                    return new ChangeLag(row.get("n", Long.class), oldest == null ? Duration.ZERO : Duration.between(oldest, now));
                })
                .one();
    }

    public Mono<Long> purgeIndexed(Duration age) {
        return db.sql("delete from catalog_change where indexed_at < clock_timestamp() - make_interval(secs => :secs)")
                .bind("secs", (double) age.toSeconds())
                .fetch().rowsUpdated();
    }

    public Mono<Long> highWaterMark() {
        return db.sql("select coalesce(max(id), 0) as id from catalog_change").map((row, md) -> row.get("id", Long.class)).one();
    }

    public Flux<ProductId> changedSince(long changeId) {
        return db.sql("select distinct product_id from catalog_change where id > :id")
                .bind("id", changeId)
                .map((row, md) -> new ProductId(row.get("product_id", UUID.class)))
                .all();
    }

    /**
     * LISTEN on a connection of its own, outside the pool (a pooled connection would be handed to others).
     * The flux completes or errors when that connection ends; the caller decides when to listen again.
     */
    public Flux<ProductId> notifications() {
        ConnectionFactory unpooled = connections instanceof Wrapped<?> w && w.unwrap() instanceof ConnectionFactory f ? f : connections;
        return Flux.usingWhen(Mono.from(unpooled.create()).cast(PostgresqlConnection.class),
                c -> c.createStatement("LISTEN catalog_change").execute()
                        .flatMap(PostgresqlResult::getRowsUpdated)
                        .thenMany(c.getNotifications())
                        .map(n -> new ProductId(UUID.fromString(n.getParameter()))),
                c -> c.close());
    }
}

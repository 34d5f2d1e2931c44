package vn.ocop.catalog.producers;

import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProducerId;

/** The producer table. */
@Repository
public class Producers {

    private final DatabaseClient db;

    Producers(DatabaseClient db) {
        this.db = db;
    }

    public Mono<ProducerSummary> find(ProducerId id) {
        return db.sql("select id, name, kind, province, former_province, commune from producer where id = :id")
                .bind("id", id.value())
                .map((row, md) -> summary(row))
                .one();
    }

    /** Those of {@code ids} that exist, by name. */
    public reactor.core.publisher.Flux<ProducerSummary> findAll(java.util.Collection<ProducerId> ids) {
        return db.sql("select id, name, kind, province, former_province, commune from producer where id = any(:ids) order by name, id")
                .bind("ids", ids.stream().map(ProducerId::value).toArray(UUID[]::new))
                .map((row, md) -> summary(row))
                .all();
    }

    public static ProducerSummary summary(Readable row) {
        return new ProducerSummary(new ProducerId(row.get("id", UUID.class)), row.get("name", String.class),
                row.get("kind", String.class), row.get("province", String.class),
                row.get("former_province", String.class), row.get("commune", String.class));
    }
}

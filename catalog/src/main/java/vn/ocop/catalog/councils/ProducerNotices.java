package vn.ocop.catalog.councils;

import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.ProducerId;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/** The notices a producer sees on its dashboard, newest first. They are written by the ranking expiry job. */
@Service
public class ProducerNotices {

    private final DatabaseClient db;

    ProducerNotices(DatabaseClient db) {
        this.db = db;
    }

    public Flux<ProducerNotice> of(ProducerId producer) {
        return db.sql("select id, certification_id, kind, message, created_at from producer_notice"
                        + " where producer_id = :producer order by created_at desc, id limit 50")
                .bind("producer", producer.value())
                .map((row, md) -> new ProducerNotice(
                        row.get("id", UUID.class),
                        row.get("certification_id", UUID.class) == null ? null : new CertificationId(row.get("certification_id", UUID.class)),
                        row.get("kind", String.class),
                        row.get("message", String.class),
                        row.get("created_at", OffsetDateTime.class)))
                .all();
    }
}

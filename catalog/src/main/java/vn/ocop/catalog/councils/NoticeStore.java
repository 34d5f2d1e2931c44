package vn.ocop.catalog.councils;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The producer_notice table as the expiry job writes it: one notice per certification and kind, e-mailed once. */
@Repository
class NoticeStore {

    static final String EXPIRES_SOON = "RANKING_EXPIRES_SOON";

    private final DatabaseClient db;

    NoticeStore(DatabaseClient db) {
        this.db = db;
    }

    /** Emits 1 when the notice was written, 0 when this certification already had one. */
    Mono<Long> insertOnce(ExpiringRanking ranking, String message, OffsetDateTime now) {
        return db.sql("""
                        insert into producer_notice (id, producer_id, certification_id, kind, message, created_at)
                        values (:id, :producer, :certification, :kind, :message, :now)
                        on conflict (certification_id, kind) do nothing""")
                .bind("id", UUID.randomUUID())
                .bind("producer", ranking.producerId().value())
                .bind("certification", ranking.certification().value())
                .bind("kind", EXPIRES_SOON)
                .bind("message", message)
                .bind("now", now)
                .fetch().rowsUpdated();
    }

    /** Notices not yet e-mailed whose producer has an address, oldest first. */
    Flux<Unsent> unsent() {
        return db.sql("""
                        select n.id, n.message, pr.contact_email from producer_notice n
                        join producer pr on pr.id = n.producer_id
                        where n.emailed_at is null and coalesce(pr.contact_email, '') <> ''
                        order by n.created_at, n.id""")
                .map((row, md) -> new Unsent(row.get("id", UUID.class), row.get("message", String.class),
                        row.get("contact_email", String.class)))
                .all();
    }

    /** Marks the notice e-mailed unless someone else (another instance) did first; emits whether this caller did. */
    Mono<Boolean> claim(UUID notice, OffsetDateTime now) {
        return db.sql("update producer_notice set emailed_at = :now where id = :id and emailed_at is null")
                .bind("now", now)
                .bind("id", notice)
                .fetch().rowsUpdated()
                .map(n -> n == 1);
    }

    /** Gives a claimed notice back when its e-mail could not be sent, so the next run tries again. */
    Mono<Void> release(UUID notice) {
        return db.sql("update producer_notice set emailed_at = null where id = :id")
                .bind("id", notice)
                .then();
    }

    record Unsent(UUID id, String message, String email) {
    }
}

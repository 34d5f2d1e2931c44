package vn.ocop.catalog.producers;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.Synonyms;

/**
 * Producers as administrators see and change them. Suspending or reactivating is one conditional statement on the
 * producer; the producer's change trigger (migration V2026_11_22_30) writes a catalog change row for every one of
 * its products in that same transaction, so search drops them, and tills learn it, at the next drain.
 */
@Repository
public class ProducerRecords {

    private static final String COLUMNS = """
            id, kind, name, province, commune, status, status_reason, status_changed_at, registration_no, tax_code,
            representative, contact_email, contact_phone, payout_bank, payout_account_no, payout_account_holder""";

    private static final String MATCHING = """
             where (cast(:status as text) is null or status = :status)
               and (cast(:text as text) is null or tax_code = :text
                    or exists (select 1 from unnest(cast(:variants as text[])) v where strpos(ocop_fold(name), v) > 0))""";

    // how many spellings of one search (its synonyms) the finder tries at most
    private static final int VARIANTS = 16;

    private final DatabaseClient db;
    private final Synonyms synonyms;

    ProducerRecords(DatabaseClient db, Synonyms synonyms) {
        this.db = db;
        this.synonyms = synonyms;
    }

    public Mono<ProducerProfile> find(ProducerId id) {
        return db.sql("select " + COLUMNS + " from producer where id = :id")
                .bind("id", id.value())
                .map((row, md) -> profile(row))
                .one();
    }

    /**
     * By name, those whose name contains {@code text} or one of its synonyms, ignoring case and diacritics on both
     * sides ("htx dong tien" finds "Hợp tác xã Đồng Tiến"), or whose tax code it is; of the status when given.
     */
    public Flux<ProducerProfile> matching(String text, ProducerStatus status, int offset, int limit) {
        return filters(db.sql("select " + COLUMNS + " from producer " + MATCHING + " order by name, id offset :offset limit :limit"), text, status, synonyms)
                .bind("offset", offset).bind("limit", limit)
                .map((row, md) -> profile(row))
                .all();
    }

    public Mono<Long> count(String text, ProducerStatus status) {
        return filters(db.sql("select count(*) as n from producer " + MATCHING), text, status, synonyms)
                .map((row, md) -> row.get("n", Long.class))
                .one();
    }

    /** Moves the producer from {@code from} to {@code to}; empty when it is not in {@code from} (or not there). */
    public Mono<ProducerProfile> changeStatus(ProducerId id, ProducerStatus from, ProducerStatus to, String reason, OffsetDateTime now) {
        GenericExecuteSpec spec = db.sql("update producer set status = :to, status_reason = :reason, status_changed_at = :now"
                        + " where id = :id and status = :from returning " + COLUMNS)
                .bind("id", id.value()).bind("from", from.name()).bind("to", to.name()).bind("now", now);
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        return spec.map((row, md) -> profile(row)).one();
    }

    private static GenericExecuteSpec filters(GenericExecuteSpec spec, String text, ProducerStatus status, Synonyms synonyms) {
        spec = text == null ? spec.bindNull("text", String.class) : spec.bind("text", text);
        spec = spec.bind("variants", (text == null ? List.<String>of() : synonyms.variants(text, VARIANTS)).toArray(String[]::new));
        return status == null ? spec.bindNull("status", String.class) : spec.bind("status", status.name());
    }

    private static ProducerProfile profile(Readable row) {
        String bank = row.get("payout_bank", String.class);
        PayoutAccount payout = bank == null ? null
                : new PayoutAccount(bank, row.get("payout_account_no", String.class), row.get("payout_account_holder", String.class));
        return new ProducerProfile(new ProducerId(row.get("id", UUID.class)), ProducerKind.valueOf(row.get("kind", String.class)),
                row.get("name", String.class), row.get("province", String.class), row.get("commune", String.class),
                ProducerStatus.valueOf(row.get("status", String.class)), row.get("status_reason", String.class),
                row.get("status_changed_at", OffsetDateTime.class), row.get("registration_no", String.class),
                row.get("tax_code", String.class), row.get("representative", String.class),
                row.get("contact_email", String.class), row.get("contact_phone", String.class), payout);
    }
}

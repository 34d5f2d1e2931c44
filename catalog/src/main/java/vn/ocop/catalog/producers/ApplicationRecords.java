package vn.ocop.catalog.producers;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.ProducerId;

/**
 * The producer_application table. Each decision is one conditional statement on a PENDING row, so of two admins
 * deciding at once exactly one wins; approving writes the producer in that same statement.
 */
@Repository
class ApplicationRecords {

    static final String COLUMNS = """
            id, kind, name, registration_no, tax_code, representative, province_code, province, commune_code, commune,
            contact_phone, contact_email, payout_bank, payout_account_no, payout_account_holder, status, submitted_at,
            decided_at, decision_reason, producer_id""";

    // a tax code a producer already has, or that an application is waiting for (the partial unique index), adds nothing
    private static final String INSERT = """
            insert into producer_application (id, kind, name, registration_no, tax_code, representative, province_code,
                province, commune_code, commune, contact_phone, contact_email, payout_bank, payout_account_no,
                payout_account_holder, status, submitted_at)
            select :id, :kind, :name, :registration, :tax, :representative, :provinceCode, :province, :communeCode, :commune,
                   :phone, :email, :bank, :accountNo, :holder, 'PENDING', :now
            where not exists (select 1 from producer where tax_code = :tax)
            on conflict (tax_code) where status = 'PENDING' do nothing
            returning\s""" + COLUMNS;

    private static final String APPROVE = """
            with decided as (
              update producer_application set status = 'APPROVED', decided_at = :now, producer_id = :producer
              where id = :id and status = 'PENDING'
              returning\s""" + COLUMNS + """
            ), created as (
              insert into producer (id, kind, name, province, commune, contact_email, contact_phone, registration_no, tax_code,
                                    representative, payout_bank, payout_account_no, payout_account_holder, status, status_changed_at)
              select producer_id, kind, name, province, commune, contact_email, contact_phone, registration_no, tax_code,
                     representative, payout_bank, payout_account_no, payout_account_holder, 'ACTIVE', :now
              from decided
            ), warehouse as (
              -- its first warehouse, at the commune it applied from, so it can receive stock the day it is approved
              insert into location (id, kind, name, province, address, pickup_allowed, producer_id)
              select gen_random_uuid(), 'WAREHOUSE', left('Kho ' || name, 200), province, commune || ', ' || province, false, producer_id
              from decided
            )
            select * from decided""";

    private static final String REJECT = """
            update producer_application set status = 'REJECTED', decided_at = :now, decision_reason = :reason
            where id = :id and status = 'PENDING'
            returning\s""" + COLUMNS;

    private final DatabaseClient db;

    ApplicationRecords(DatabaseClient db) {
        this.db = db;
    }

    /** Stores it PENDING; ALREADY_REGISTERED when a producer has its tax code or an application for it waits. */
    public Mono<SubmittedApplication> insert(ApplicationId id, ProducerApplication a, OffsetDateTime now) {
        return db.sql(INSERT)
                .bind("id", id.value()).bind("kind", a.kind().name()).bind("name", a.name())
                .bind("registration", a.registration().value()).bind("tax", a.taxCode().value())
                .bind("representative", a.representative())
                .bind("provinceCode", a.place().provinceCode()).bind("province", a.place().province())
                .bind("communeCode", a.place().communeCode()).bind("commune", a.place().commune())
                .bind("phone", a.phone().value()).bind("email", a.email())
                .bind("bank", a.payout().bank()).bind("accountNo", a.payout().number()).bind("holder", a.payout().holder())
                .bind("now", now)
                .map((row, md) -> application(row))
                .one()
                .switchIfEmpty(Mono.error(() -> alreadyRegistered(a.taxCode())));
    }

    public Mono<SubmittedApplication> find(ApplicationId id) {
        return db.sql("select " + COLUMNS + " from producer_application where id = :id")
                .bind("id", id.value())
                .map((row, md) -> application(row))
                .one();
    }

    /** Waiting ones oldest first (they are handled in turn); decided ones most recently decided first. */
    public Flux<SubmittedApplication> withStatus(ApplicationStatus status, int limit) {
        String order = status == ApplicationStatus.PENDING ? "submitted_at, id" : "decided_at desc, id";
        return db.sql("select " + COLUMNS + " from producer_application where status = :status order by " + order + " limit :limit")
                .bind("status", status.name())
                .bind("limit", limit)
                .map((row, md) -> application(row))
                .all();
    }

    /** Approves a PENDING application and creates its producer (ACTIVE) and its warehouse in one statement; empty when not PENDING. */
    public Mono<SubmittedApplication> approve(ApplicationId id, ProducerId producer, OffsetDateTime now) {
        return db.sql(APPROVE)
                .bind("id", id.value()).bind("producer", producer.value()).bind("now", now)
                .map((row, md) -> application(row))
                .one()
                .onErrorMap(DataIntegrityViolationException.class, e -> new CatalogException(CatalogErrorCode.ALREADY_REGISTERED,
                        "a producer with this tax code is already registered"));
    }

    /** Rejects a PENDING application with the reason; empty when not PENDING. */
    public Mono<SubmittedApplication> reject(ApplicationId id, String reason, OffsetDateTime now) {
        return db.sql(REJECT)
                .bind("id", id.value()).bind("reason", reason).bind("now", now)
                .map((row, md) -> application(row))
                .one();
    }

    private static CatalogException alreadyRegistered(TaxCode tax) {
        return new CatalogException(CatalogErrorCode.ALREADY_REGISTERED,
                "tax code " + tax.value() + " already belongs to a producer on the marketplace, or its application is waiting");
    }

    static SubmittedApplication application(Readable row) {
        ProducerKind kind = ProducerKind.valueOf(row.get("kind", String.class));
        var details = new ProducerApplication(kind, row.get("name", String.class),
                new RegistrationNumber(kind, row.get("registration_no", String.class)),
                new TaxCode(row.get("tax_code", String.class)),
                row.get("representative", String.class),
                new Place(row.get("province_code", String.class), row.get("province", String.class),
                        row.get("commune_code", String.class), row.get("commune", String.class)),
                new PhoneNumber(row.get("contact_phone", String.class)),
                row.get("contact_email", String.class),
                new PayoutAccount(row.get("payout_bank", String.class), row.get("payout_account_no", String.class),
                        row.get("payout_account_holder", String.class)));
        UUID producer = row.get("producer_id", UUID.class);
        return new SubmittedApplication(new ApplicationId(row.get("id", UUID.class)), details,
                ApplicationStatus.valueOf(row.get("status", String.class)),
                row.get("submitted_at", OffsetDateTime.class), row.get("decided_at", OffsetDateTime.class),
                row.get("decision_reason", String.class), producer == null ? null : new ProducerId(producer));
    }
}

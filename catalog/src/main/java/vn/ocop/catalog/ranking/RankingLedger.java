package vn.ocop.catalog.ranking;

import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.Ranking;
import vn.ocop.catalog.RankingDecision;
import vn.ocop.catalog.certification.Certifications;

/**
 * Writes to a product's ranking history: a decision adds a certification, a revocation marks one. Each is one
 * statement that also bumps the product's row version, so both land together or not at all.
 */
@Repository
public class RankingLedger {

    private static final String RETURNING = """
            returning id, stars, score, level, decision_no, issuing_body, decision_province, issued_on,
                      issued_on_precision, issued_on_demo, valid_until, revoked_at, revocation_reason""";

    private static final String INSERT = """
            with bumped as (
              update product set version = version + 1, updated_at = :now where id = :product returning id
            )
            insert into certification (id, product_id, stars, score, level, decision_no, issuing_body,
                                       decision_province, issued_on, valid_until, recorded_at)
            select :id, bumped.id, :stars, :score, :level, :decisionNo, :issuingBody, :decisionProvince,
                   :issuedOn, :validUntil, :now
            from bumped
            """ + RETURNING;

    // revoked_at is null in the WHERE clause: of two concurrent revocations exactly one succeeds
    private static final String REVOKE = """
            with revoked as (
              update certification set revoked_at = :at, revocation_reason = :reason
              where id = :id and revoked_at is null
              """ + RETURNING + """
            , product_id
            ), bumped as (
              update product p set version = p.version + 1, updated_at = :at from revoked where p.id = revoked.product_id
            )
            select * from revoked""";

    private final DatabaseClient db;
    private final Certifications certifications;

    RankingLedger(DatabaseClient db, Certifications certifications) {
        this.db = db;
        this.certifications = certifications;
    }

    /** Adds the decision to the product's history; empty when there is no such product. */
    public Mono<Ranking> record(CertificationId id, RankingDecision decision, OffsetDateTime now) {
        GenericExecuteSpec spec = db.sql(INSERT)
                .bind("id", id.value())
                .bind("product", decision.productId().value())
                .bind("stars", decision.stars().value())
                .bind("level", decision.level().name())
                .bind("decisionNo", decision.decisionNo())
                .bind("issuingBody", decision.issuingBody())
                .bind("issuedOn", decision.issuedOn())
                .bind("validUntil", decision.validUntil())
                .bind("now", now);
        spec = decision.score() == null ? spec.bindNull("score", Integer.class) : spec.bind("score", decision.score());
        spec = decision.decisionProvince() == null ? spec.bindNull("decisionProvince", String.class)
                : spec.bind("decisionProvince", decision.decisionProvince());
        return spec.map((row, md) -> Certifications.ranking(row)).one();
    }

    /** Marks the ranking revoked; NOT_FOUND when there is none, INVALID_STATE when it already is. */
    public Mono<Ranking> revoke(CertificationId id, String reason, OffsetDateTime at) {
        return db.sql(REVOKE)
                .bind("id", id.value())
                .bind("reason", reason)
                .bind("at", at)
                .map((row, md) -> Certifications.ranking(row))
                .one()
                .switchIfEmpty(Mono.defer(() -> whyNotRevoked(id)));
    }

    public Mono<Ranking> find(CertificationId id) {
        return certifications.find(id);
    }

    private Mono<Ranking> whyNotRevoked(CertificationId id) {
        return certifications.find(id)
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("certification " + id.value())))
                .flatMap(r -> Mono.error(new CatalogException(CatalogErrorCode.INVALID_STATE,
                        "certification " + id.value() + " was already revoked on " + r.revokedOn())));
    }
}

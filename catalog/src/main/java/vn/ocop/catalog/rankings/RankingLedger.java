package vn.ocop.catalog.rankings;

import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.CertificationId;

/**
 * Writes to a product's ranking history: a decision adds a certification, a revocation marks one. Each is one
 * statement that also bumps the product's row version, so both land together or not at all.
 */
@Repository
public class RankingLedger {

    private static final String RETURNING = """
            returning id, stars, score, level, decision_no, issuing_body, decision_province, issued_on,
                      issued_on_precision, issued_on_demo, valid_until, revoked_at, revocation_reason""";

    /** Whether the product {@code p}'s producer is in the council's province (:province null: the national council). */
    static final String IN_SCOPE = """
            (cast(:province as text) is null
             or exists (select 1 from product sp join producer spr on spr.id = sp.producer_id where sp.id = %s and spr.province = :province))""";

    private static final String INSERT = """
            with bumped as (
              update product set version = version + 1, updated_at = :now where id = :product and """ + IN_SCOPE.formatted(":product") + """
               returning id
            )
            insert into certification (id, product_id, stars, score, level, decision_no, issuing_body,
                                       decision_province, issued_on, valid_until, recorded_at)
            select :id, bumped.id, :stars, :score, :level, :decisionNo, :issuingBody, :decisionProvince,
                   :issuedOn, :validUntil, :now
            from bumped
            """ + RETURNING;

    // revoked_at is null in the WHERE clause: of two concurrent revocations exactly one succeeds; a provincial
    // council revokes only in its province, and never a NATIONAL ranking
    private static final String REVOKE = """
            with revoked as (
              update certification c set revoked_at = :at, revocation_reason = :reason
              where c.id = :id and c.revoked_at is null
                and (cast(:province as text) is null or c.level <> 'NATIONAL') and """ + IN_SCOPE.formatted("c.product_id") + """
              """ + RETURNING + """
            , product_id
            ), bumped as (
              update product p set version = p.version + 1, updated_at = :at from revoked where p.id = revoked.product_id
            )
            select * from revoked""";

    private final DatabaseClient db;

    RankingLedger(DatabaseClient db) {
        this.db = db;
    }

    /** Adds the decision to the product's history; empty when there is no such product in the council's scope. */
    public Mono<Ranking> record(CouncilScope scope, CertificationId id, RankingDecision decision, OffsetDateTime now) {
        GenericExecuteSpec spec = province(db.sql(INSERT), scope)
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

    /**
     * Marks the ranking revoked; NOT_FOUND when there is none in the council's scope, OUTSIDE_MANDATE for a provincial
     * council and a NATIONAL ranking, INVALID_STATE when it already is revoked.
     */
    public Mono<Ranking> revoke(CouncilScope scope, CertificationId id, String reason, OffsetDateTime at) {
        return province(db.sql(REVOKE), scope)
                .bind("id", id.value())
                .bind("reason", reason)
                .bind("at", at)
                .map((row, md) -> Certifications.ranking(row))
                .one()
                .switchIfEmpty(Mono.defer(() -> whyNotRevoked(scope, id)));
    }

    /** The ranking, when its product's producer is in the council's scope. */
    public Mono<Ranking> find(CouncilScope scope, CertificationId id) {
        return province(db.sql("select " + Certifications.COLUMNS + " from certification c where c.id = :id and "
                        + IN_SCOPE.formatted("c.product_id")), scope)
                .bind("id", id.value())
                .map((row, md) -> Certifications.ranking(row))
                .one();
    }

    private Mono<Ranking> whyNotRevoked(CouncilScope scope, CertificationId id) {
        return find(scope, id)
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("certification " + id.value())))
                .flatMap(r -> Mono.error(scope.mayRevoke(r.level())
                        ? new CatalogException(CatalogErrorCode.INVALID_STATE, "certification " + id.value() + " was already revoked on " + r.revokedOn())
                        : new CatalogException(CatalogErrorCode.OUTSIDE_MANDATE,
                                "a NATIONAL (5-star) ranking is revoked by the NATIONAL council only")));
    }

    public static GenericExecuteSpec province(GenericExecuteSpec spec, CouncilScope scope) {
        return scope.national() ? spec.bindNull("province", String.class) : spec.bind("province", scope.province());
    }
}

package vn.ocop.catalog.councils;

import vn.ocop.catalog.rankings.CouncilScope;
import vn.ocop.catalog.rankings.RankingLedger;
import vn.ocop.catalog.rankings.Ranking;
import vn.ocop.catalog.rankings.Certifications;
import vn.ocop.catalog.listings.SellablePolicy;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Stars;
import vn.ocop.catalog.Synonyms;
import vn.ocop.catalog.listings.ProductRow;

/** What a council looks up: rankings about to end, and products to rank with whether they are on sale. */
@Repository
class CouncilQueries {

    // the ranking that puts each product on sale today (the one SQL definition of sellable), ending by :until
    private static final String EXPIRING = """
            select c.id, p.id as product_id, p.name as product_name, pr.id as producer_id, pr.name as producer_name,
                   s.stars, c.decision_no, c.issuing_body, s.valid_until
            from sellable_ranking(:today) s
            join certification c on c.id = s.certification_id
            join product p on p.id = s.product_id
            join producer pr on pr.id = p.producer_id
            where s.valid_until <= :until and (cast(:province as text) is null or pr.province = :province)
            order by s.valid_until, p.name, c.id""";

    private static final String PRODUCTS = "select " + ProductRow.COLUMNS + """
            , pr.name as producer_name, pr.province, pr.former_province
            from product p join producer pr on pr.id = p.producer_id
            where (cast(:province as text) is null or pr.province = :province)
            """;

    // how many spellings of one search (its synonyms) a finder tries at most
    static final int VARIANTS = 16;

    private final DatabaseClient db;
    private final Certifications certifications;
    private final Synonyms synonyms;

    CouncilQueries(DatabaseClient db, Certifications certifications, Synonyms synonyms) {
        this.db = db;
        this.certifications = certifications;
        this.synonyms = synonyms;
    }

    /**
     * Rankings that put a product on sale on {@code today} and end on or before {@code until}, soonest first, of
     * producers in the council's scope.
     */
    public Flux<ExpiringRanking> expiring(CouncilScope scope, LocalDate today, LocalDate until) {
        return RankingLedger.province(db.sql(EXPIRING), scope)
                .bind("today", today)
                .bind("until", until)
                .map((row, md) -> expiring(row, today))
                .all();
    }

    /**
     * Products of any status whose name or producer's name contains {@code text} or one of its synonyms, ignoring case
     * and diacritics on both sides ("krong" finds "Krông Pắc", "che xanh" finds "Trà xanh"), by name, in scope.
     */
    public Flux<CouncilProduct> products(CouncilScope scope, String text, int limit, LocalDate today) {
        return RankingLedger.province(db.sql(PRODUCTS + " and exists (select 1 from unnest(cast(:variants as text[])) v"
                        + " where strpos(ocop_fold(p.name), v) > 0 or strpos(ocop_fold(pr.name), v) > 0)"
                        + " order by p.name, pr.name, p.id limit :limit"), scope)
                .bind("variants", synonyms.variants(text, VARIANTS).toArray(String[]::new))
                .bind("limit", limit)
                .map((row, md) -> Found.of(row))
                .all()
                .collectList()
                .flatMapMany(found -> withSaleStatus(found, today));
    }

    /** The product, when its producer is in the council's scope. */
    public Flux<CouncilProduct> product(CouncilScope scope, ProductId id, LocalDate today) {
        return RankingLedger.province(db.sql(PRODUCTS + " and p.id = :id"), scope)
                .bind("id", id.value())
                .map((row, md) -> Found.of(row))
                .all()
                .collectList()
                .flatMapMany(found -> withSaleStatus(found, today));
    }

    /** A product's whole ranking history, newest decision first. */
    public Flux<Ranking> history(ProductId product) {
        return certifications.ofProduct(product);
    }

    private Flux<CouncilProduct> withSaleStatus(List<Found> found, LocalDate today) {
        return certifications.ofProducts(found.stream().map(f -> f.product().id()).toList())
                .flatMapIterable(rankings -> found.stream().map(f -> f.withRankings(rankings, today)).toList());
    }

    private static ExpiringRanking expiring(Readable row, LocalDate today) {
        LocalDate validUntil = row.get("valid_until", LocalDate.class);
        return new ExpiringRanking(
                new CertificationId(row.get("id", UUID.class)),
                new ProductId(row.get("product_id", UUID.class)),
                row.get("product_name", String.class),
                new ProducerId(row.get("producer_id", UUID.class)),
                row.get("producer_name", String.class),
                new Stars(row.get("stars", Integer.class)),
                row.get("decision_no", String.class),
                row.get("issuing_body", String.class),
                validUntil,
                (int) ChronoUnit.DAYS.between(today, validUntil));
    }

    private record Found(ProductRow product, String producerName, String province, String formerProvince) {

        static Found of(Readable row) {
            return new Found(ProductRow.of(row), row.get("producer_name", String.class),
                    row.get("province", String.class), row.get("former_province", String.class));
        }

        CouncilProduct withRankings(Map<ProductId, List<Ranking>> all, LocalDate today) {
            ProductRow p = product;
            var sale = SellablePolicy.evaluate(p.status(), p.producerStatus(), all.getOrDefault(p.id(), List.of()), today);
            return new CouncilProduct(p.id(), p.name(), producerName, province, formerProvince, p.status(),
                    p.verificationCode(), sale);
        }
    }
}

package vn.ocop.catalog.rankings;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Stars;

/** The certification table: a product's whole ranking history, never overwritten (revocation is a mark). */
@Repository
public class Certifications {

    public static final String COLUMNS = """
            c.id, c.product_id, c.stars, c.score, c.level, c.decision_no, c.issuing_body, c.decision_province,
            c.issued_on, c.issued_on_precision, c.issued_on_demo, c.valid_until, c.revoked_at, c.revocation_reason""";

    private final DatabaseClient db;

    Certifications(DatabaseClient db) {
        this.db = db;
    }

    public Flux<Ranking> ofProduct(ProductId product) {
        return db.sql("select " + COLUMNS + " from certification c where c.product_id = :p order by c.issued_on desc, c.id")
                .bind("p", product.value())
                .map((row, md) -> ranking(row))
                .all();
    }

    public Mono<Ranking> find(CertificationId id) {
        return db.sql("select " + COLUMNS + " from certification c where c.id = :id")
                .bind("id", id.value())
                .map((row, md) -> ranking(row))
                .one();
    }

    /** Every ranking of the given products, grouped by product (products without one are absent). */
    public Mono<Map<ProductId, List<Ranking>>> ofProducts(Collection<ProductId> products) {
        if (products.isEmpty()) {
            return Mono.just(Map.of());
        }
        UUID[] ids = products.stream().map(ProductId::value).toArray(UUID[]::new);
        return db.sql("select " + COLUMNS + " from certification c where c.product_id = any(:ids) order by c.issued_on desc, c.id")
                .bind("ids", ids)
                .map((row, md) -> Map.entry(new ProductId(row.get("product_id", UUID.class)), ranking(row)))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    public static Ranking ranking(Readable row) {
        return new Ranking(
                new CertificationId(row.get("id", UUID.class)),
                new Stars(row.get("stars", Integer.class)),
                row.get("score", Integer.class),
                RankingLevel.valueOf(row.get("level", String.class)),
                row.get("decision_no", String.class),
                row.get("issuing_body", String.class),
                row.get("decision_province", String.class),
                row.get("issued_on", LocalDate.class),
                row.get("issued_on_precision", String.class),
                Boolean.TRUE.equals(row.get("issued_on_demo", Boolean.class)),
                row.get("valid_until", LocalDate.class),
                row.get("revoked_at", OffsetDateTime.class),
                row.get("revocation_reason", String.class));
    }
}

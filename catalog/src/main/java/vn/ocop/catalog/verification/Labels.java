package vn.ocop.catalog.verification;

import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProductId;

/** The product behind a label's verification code, whatever the listing's status. */
@Repository
public class Labels {

    private final DatabaseClient db;

    Labels(DatabaseClient db) {
        this.db = db;
    }

    /** Codes are matched ignoring case (people type them from the label too); empty when no product has it. */
    public Mono<Labelled> find(String code) {
        return db.sql("""
                        select p.id, p.name, p.verification_code, pr.name as producer_name, pr.province, pr.former_province
                        from product p join producer pr on pr.id = p.producer_id
                        where upper(p.verification_code) = :code""")
                .bind("code", code.strip().toUpperCase(Locale.ROOT))
                .map((row, md) -> new Labelled(
                        new ProductId(row.get("id", UUID.class)),
                        row.get("verification_code", String.class),
                        row.get("name", String.class),
                        row.get("producer_name", String.class),
                        row.get("province", String.class),
                        row.get("former_province", String.class)))
                .one();
    }

    /** A labelled product and its producer's name and province (current, and before the 2025 merger). */
    public record Labelled(ProductId id, String code, String name, String producerName, String province, String formerProvince) {
    }
}

package vn.ocop.catalog.listings;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;

/** Rows the listing tests need that listings do not write themselves: producers and rankings. */
final class ListingRows {

    private final DatabaseClient db;

    ListingRows(DatabaseClient db) {
        this.db = db;
    }

    ProducerId producer(String name) {
        UUID id = UUID.randomUUID();
        db.sql("insert into producer (id, kind, name, province) values (:id, 'COOPERATIVE', :name, 'Thái Nguyên')")
                .bind("id", id).bind("name", name).then().block();
        return new ProducerId(id);
    }

    void ranking(ProductId product, int stars, LocalDate issuedOn, LocalDate validUntil) {
        insertRanking(product, stars, issuedOn, validUntil, false);
    }

    void revokedRanking(ProductId product, int stars, LocalDate issuedOn, LocalDate validUntil) {
        insertRanking(product, stars, issuedOn, validUntil, true);
    }

    private void insertRanking(ProductId product, int stars, LocalDate issuedOn, LocalDate validUntil, boolean revoked) {
        db.sql("""
                        insert into certification (id, product_id, stars, level, issuing_body, issued_on, valid_until,
                                                   revoked_at, revocation_reason)
                        values (:id, :product, :stars, 'PROVINCIAL', 'UBND tỉnh Thái Nguyên', :issued, :until,
                                case when :revoked then now() end, case when :revoked then 'kiểm tra không đạt' end)""")
                .bind("id", UUID.randomUUID())
                .bind("product", product.value())
                .bind("stars", stars)
                .bind("issued", issuedOn)
                .bind("until", validUntil)
                .bind("revoked", revoked)
                .then().block();
    }

    Map<String, Object> product(ProductId id) {
        return db.sql("select * from product where id = :id").bind("id", id.value()).fetch().one().block();
    }

    Object column(ProductId id, String expression) {
        return db.sql("select " + expression + " as v from product where id = :id").bind("id", id.value())
                .map((row, md) -> row.get("v")).one().block();
    }

    long imageCount(ProductId id) {
        return db.sql("select count(*) as n from product_image where product_id = :id").bind("id", id.value())
                .map((row, md) -> row.get("n", Long.class)).one().block();
    }
}

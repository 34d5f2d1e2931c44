package vn.ocop.catalog.testing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;

/** Producers, products and rankings written straight into a test database, in any state a test needs. */
public final class CatalogFixtures {

    private final DatabaseClient db;

    public CatalogFixtures(DatabaseClient db) {
        this.db = db;
    }

    public ProducerId producer(String status) {
        UUID id = UUID.randomUUID();
        db.sql("insert into producer (id, kind, name, province, status) values (:id, 'COOPERATIVE', :name, 'Thái Nguyên', :status)")
                .bind("id", id).bind("name", "HTX thử nghiệm " + id.toString().substring(0, 8)).bind("status", status)
                .then().block();
        return new ProducerId(id);
    }

    public ProductId product(ProducerId producer, String status, String name) {
        UUID id = UUID.randomUUID();
        db.sql("""
                        insert into product (id, producer_id, name, ocop_group, price_vnd, sales_unit, status, verification_code)
                        values (:id, :producer, :name, 'FOOD', 125000, 'hộp 500g', :status, :code)""")
                .bind("id", id).bind("producer", producer.value()).bind("name", name).bind("status", status)
                .bind("code", id.toString().replace("-", "").substring(0, 12).toUpperCase())
                .then().block();
        return new ProductId(id);
    }

    public ProductId sellableProduct(String name, LocalDate issuedOn, LocalDate validUntil) {
        ProductId p = product(producer("ACTIVE"), "ACTIVE", name);
        certification(p, 4, issuedOn, validUntil, null);
        return p;
    }

    public CertificationId certification(ProductId product, int stars, LocalDate issuedOn, LocalDate validUntil, OffsetDateTime revokedAt) {
        UUID id = UUID.randomUUID();
        db.sql("""
                        insert into certification (id, product_id, stars, level, decision_no, issuing_body, issued_on, valid_until,
                                                   revoked_at, revocation_reason)
                        values (:id, :product, :stars, :level, :decision, 'UBND tỉnh Thái Nguyên', :issued, :until, :revoked, :reason)""")
                .bind("id", id).bind("product", product.value()).bind("stars", stars)
                .bind("level", stars == 5 ? "NATIONAL" : "PROVINCIAL")
                .bind("decision", "T-" + id.toString().substring(0, 6) + "/QĐ-UBND")
                .bind("issued", issuedOn).bind("until", validUntil)
                .bind("revoked", Parameter.fromOrEmpty(revokedAt, OffsetDateTime.class))
                .bind("reason", Parameter.fromOrEmpty(revokedAt == null ? null : "vi phạm an toàn thực phẩm", String.class))
                .then().block();
        return new CertificationId(id);
    }
}

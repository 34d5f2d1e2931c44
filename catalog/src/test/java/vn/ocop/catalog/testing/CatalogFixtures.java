package vn.ocop.catalog.testing;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductStatus;

/** Rows for tests, written straight to the catalog's tables: producers, products, and rankings in any state. */
public final class CatalogFixtures {

    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final DatabaseClient db;

    public CatalogFixtures(DatabaseClient db) {
        this.db = db;
    }

    /** An active co-op in the province (as producers name it: "Hà Nội", "TP. Hồ Chí Minh"). */
    public Mono<ProducerId> producerIn(String name, String province) {
        ProducerId id = new ProducerId(UUID.randomUUID());
        return db.sql("insert into producer (id, kind, name, province) values (:id, 'COOPERATIVE', :name, :province)")
                .bind("id", id.value())
                .bind("name", name)
                .bind("province", province)
                .then()
                .thenReturn(id);
    }

    /** An active co-op in Thái Nguyên (formerly Bắc Kạn); {@code contactEmail} may be null. */
    public Mono<ProducerId> producer(String name, String contactEmail) {
        return producer(name, contactEmail, "COOPERATIVE");
    }

    /** An active producer of that kind ({@code COOPERATIVE}, {@code COOPERATIVE_GROUP}, {@code ENTERPRISE}, {@code HOUSEHOLD}). */
    public Mono<ProducerId> producer(String name, String contactEmail, String kind) {
        ProducerId id = new ProducerId(UUID.randomUUID());
        return db.sql("""
                        insert into producer (id, kind, name, province, former_province, contact_email)
                        values (:id, :kind, :name, 'Thái Nguyên', 'Bắc Kạn', :email)""")
                .bind("id", id.value())
                .bind("kind", kind)
                .bind("name", name)
                .bind("email", Parameter.fromOrEmpty(contactEmail, String.class))
                .then()
                .thenReturn(id);
    }

    public Mono<ProductId> product(ProducerId producer, String name, ProductStatus status) {
        return product(producer, name, status, OcopGroup.FOOD, 120000);
    }

    /** A product of that OCOP group at that list price (whole đồng). */
    public Mono<ProductId> product(ProducerId producer, String name, ProductStatus status, OcopGroup group, long priceVnd) {
        ProductId id = ProductId.random();
        return db.sql("""
                        insert into product (id, producer_id, name, ocop_group, price_vnd, sales_unit, status, verification_code)
                        values (:id, :producer, :name, :group, :price, 'hộp 500g', :status, :code)""")
                .bind("id", id.value())
                .bind("producer", producer.value())
                .bind("name", name)
                .bind("group", group.name())
                .bind("price", priceVnd)
                .bind("status", status.name())
                .bind("code", verificationCode())
                .then()
                .thenReturn(id);
    }

    /** An active product of a new active producer. */
    public Mono<ProductId> activeProduct(String name) {
        return producer("HTX " + name, null).flatMap(p -> product(p, name, ProductStatus.ACTIVE));
    }

    /** A provincial ranking (national when 5 stars) issued and ending on the given days. */
    public Mono<CertificationId> ranking(ProductId product, int stars, LocalDate issuedOn, LocalDate validUntil) {
        CertificationId id = CertificationId.random();
        return db.sql("""
                        insert into certification (id, product_id, stars, level, decision_no, issuing_body, issued_on, valid_until)
                        values (:id, :product, :stars, :level, :decisionNo, 'UBND tỉnh Thái Nguyên', :issuedOn, :validUntil)""")
                .bind("id", id.value())
                .bind("product", product.value())
                .bind("stars", stars)
                .bind("level", stars == 5 ? "NATIONAL" : "PROVINCIAL")
                .bind("decisionNo", ThreadLocalRandom.current().nextInt(100, 9999) + "/QĐ-UBND")
                .bind("issuedOn", issuedOn)
                .bind("validUntil", validUntil)
                .then()
                .thenReturn(id);
    }

    /** Revokes a ranking as of {@code at}. */
    public Mono<Void> revoke(CertificationId ranking, java.time.OffsetDateTime at) {
        return db.sql("update certification set revoked_at = :at, revocation_reason = 'vi phạm an toàn thực phẩm' where id = :id")
                .bind("at", at).bind("id", ranking.value()).then();
    }

    public Mono<Void> suspend(ProducerId producer) {
        return db.sql("update producer set status = 'SUSPENDED' where id = :id").bind("id", producer.value()).then();
    }

    public Mono<Long> productVersion(ProductId product) {
        return db.sql("select version from product where id = :id").bind("id", product.value())
                .map((row, md) -> row.get("version", Long.class)).one();
    }

    public static String verificationCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(CODE_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}

package vn.ocop.catalog.demo;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Writes a {@link DemoPlan}, one statement per row, in the caller's transaction. */
final class DemoInserts {

    private static final String PRODUCER = """
            insert into producer (id, kind, name, province, former_province, demo)
            values (:id, :kind, :name, :province, :formerProvince, true)""";
    private static final String PRODUCT = """
            insert into product (id, producer_id, name, description, ocop_group, price_vnd, sales_unit, demo_price,
                                 shipping_weight_g, demo_weight, status, verification_code, source_url)
            values (:id, :producerId, :name, :description, :group, :price, :unit, true, :weight, true, 'ACTIVE', :code,
                    :sourceUrl)""";
    private static final String CERTIFICATION = """
            insert into certification (id, product_id, stars, level, decision_no, issuing_body, decision_province,
                                       issued_on, issued_on_precision, issued_on_demo, valid_until)
            values (:id, :productId, :stars, :level, :decisionNo, :issuingBody, :decisionProvince,
                    :issuedOn, :precision, :issuedOnDemo, :validUntil)""";
    private static final String LOCATION = """
            insert into location (id, kind, name, province, address, latitude, longitude, opening_hours,
                                  pickup_allowed, producer_id, demo)
            values (:id, :kind, :name, :province, :address, :latitude, :longitude, :hours, :pickup, :producerId, true)""";
    private static final String TILL_KEY = """
            insert into till_key (id, location_id, label, key_hash) values (:id, :locationId, :label, :keyHash)""";

    private final DatabaseClient db;

    DemoInserts(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(DemoPlan plan) {
        return Flux.fromIterable(plan.producers()).concatMap(this::insertProducer)
                .thenMany(Flux.fromIterable(plan.products()).concatMap(this::insertProduct))
                .thenMany(Flux.fromIterable(plan.certifications()).concatMap(this::insertCertification))
                .thenMany(Flux.fromIterable(plan.locations()).concatMap(this::insertLocation))
                .then(insertTillKey(plan.tillKey()));
    }

    private Mono<Void> insertProducer(DemoProducer producer) {
        GenericExecuteSpec spec = db.sql(PRODUCER)
                .bind("id", producer.id())
                .bind("kind", producer.kind())
                .bind("name", producer.name())
                .bind("province", producer.province());
        return orNull(spec, "formerProvince", producer.formerProvince(), String.class).then();
    }

    private Mono<Void> insertProduct(DemoProduct product) {
        GenericExecuteSpec spec = db.sql(PRODUCT)
                .bind("id", product.id())
                .bind("producerId", product.producerId())
                .bind("name", product.name())
                .bind("description", product.description())
                .bind("group", product.group().name())
                .bind("price", product.price().dong())
                .bind("unit", product.salesUnit())
                .bind("weight", product.shippingWeightGrams())
                .bind("code", product.verificationCode());
        return orNull(spec, "sourceUrl", product.sourceUrl(), String.class).then();
    }

    private Mono<Void> insertCertification(DemoCertification certification) {
        GenericExecuteSpec spec = db.sql(CERTIFICATION)
                .bind("id", certification.id())
                .bind("productId", certification.productId())
                .bind("stars", certification.stars())
                .bind("level", certification.level())
                .bind("issuingBody", certification.issuingBody())
                .bind("decisionProvince", certification.decisionProvince())
                .bind("issuedOn", certification.issued().date())
                .bind("precision", certification.issued().precision().name())
                .bind("issuedOnDemo", certification.issued().demo())
                .bind("validUntil", certification.issued().validUntil());
        return orNull(spec, "decisionNo", certification.decisionNo(), String.class).then();
    }

    private Mono<Void> insertLocation(DemoLocation location) {
        GenericExecuteSpec spec = db.sql(LOCATION)
                .bind("id", location.id())
                .bind("kind", location.kind())
                .bind("name", location.name())
                .bind("province", location.province())
                .bind("address", location.address())
                .bind("hours", location.openingHours())
                .bind("pickup", location.pickupAllowed());
        spec = orNull(spec, "latitude", location.latitude(), BigDecimal.class);
        spec = orNull(spec, "longitude", location.longitude(), BigDecimal.class);
        return orNull(spec, "producerId", location.producerId(), UUID.class).then();
    }

    private Mono<Void> insertTillKey(DemoTillKey key) {
        return db.sql(TILL_KEY)
                .bind("id", key.id())
                .bind("locationId", key.locationId())
                .bind("label", key.label())
                .bind("keyHash", key.keyHash())
                .then();
    }

    private static GenericExecuteSpec orNull(GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}

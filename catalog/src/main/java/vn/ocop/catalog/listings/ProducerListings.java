package vn.ocop.catalog.listings;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;

/**
 * The product rows of one producer. Every statement names the producer, so another producer's product is
 * never read or changed; every change is one conditional UPDATE that also raises the version.
 */
@Repository
class ProducerListings {

    private static final String OWN = " from product p join producer pr on pr.id = p.producer_id where p.producer_id = :producer";
    private static final String INSERT = """
            insert into product (id, producer_id, name, description, ocop_group, price_vnd, sales_unit, shipping_weight_g,
                                 status, verification_code, version, created_at, updated_at)
            values (:id, :producer, :name, :description, :grp, :price, :unit, :weight, 'DRAFT', :code, 0, :now, :now)
            on conflict (verification_code) do nothing""";
    private static final String EDIT = """
            update product set name = :name, description = :description, ocop_group = :grp, price_vnd = :price,
                               sales_unit = :unit, demo_price = false, shipping_weight_g = :weight, demo_weight = false,
                               version = version + 1, updated_at = :now
            where id = :id and producer_id = :producer and version = :version and status <> 'ARCHIVED'""";
    private static final String TRANSITION = """
            update product set status = :to, version = version + 1, updated_at = :now
            where id = :id and producer_id = :producer and status = any(:from)""";
    private static final int CODE_ATTEMPTS = 5;

    private final DatabaseClient db;
    private final Clock clock;
    private final VerificationCodes codes = new VerificationCodes();

    ProducerListings(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Flux<ProductRow> rows(ProducerId producer) {
        return db.sql("select " + ProductRow.COLUMNS + OWN + " order by p.name, p.id")
                .bind("producer", producer.value())
                .map((row, md) -> ProductRow.of(row))
                .all();
    }

    /** The producer's product; empty when there is none with that id or it is someone else's. */
    public Mono<ProductRow> row(ProducerId producer, ProductId id) {
        return db.sql("select " + ProductRow.COLUMNS + OWN + " and p.id = :id")
                .bind("producer", producer.value())
                .bind("id", id.value())
                .map((row, md) -> ProductRow.of(row))
                .one();
    }

    /** A new DRAFT at version 0 with a fresh verification code (drawn again on the rare clash). */
    public Mono<ProductId> create(ProducerId producer, ListingDetails details) {
        ProductId id = ProductId.random();
        return Mono.defer(() -> details(db.sql(INSERT), details)
                        .bind("id", id.value())
                        .bind("producer", producer.value())
                        .bind("code", codes.next())
                        .bind("now", now())
                        .fetch().rowsUpdated())
                .filter(inserted -> inserted == 1)
                .repeatWhenEmpty(CODE_ATTEMPTS - 1, attempts -> attempts)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no free verification code in " + CODE_ATTEMPTS + " draws")))
                .thenReturn(id);
    }

    /** Replaces what the listing says if it is still at {@code expectedVersion} and not archived. */
    public Mono<Void> edit(ProducerId producer, ProductId id, long expectedVersion, ListingDetails details) {
        return details(db.sql(EDIT), details)
                .bind("id", id.value())
                .bind("producer", producer.value())
                .bind("version", expectedVersion)
                .bind("now", now())
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty() : refuse(producer, id, row -> row.status() == ProductStatus.ARCHIVED
                        ? new CatalogException(CatalogErrorCode.INVALID_STATE, "an ARCHIVED listing cannot be edited: publish it first")
                        : new CatalogException(CatalogErrorCode.STALE_VERSION, "the listing is at version " + row.version()
                                + ", not " + expectedVersion + ": someone changed it meanwhile")));
    }

    public Mono<Void> publish(ProducerId producer, ProductId id) {
        return change(producer, id, Transition.PUBLISH);
    }

    public Mono<Void> archive(ProducerId producer, ProductId id) {
        return change(producer, id, Transition.ARCHIVE);
    }

    /** Image file names of the given products, in display order. */
    public Mono<Map<ProductId, List<String>>> imageFiles(Collection<ProductId> products) {
        UUID[] ids = products.stream().map(ProductId::value).toArray(UUID[]::new);
        return db.sql("select product_id, file_name from product_image where product_id = any(:ids) order by position, created_at, id")
                .bind("ids", ids)
                .map((row, md) -> Map.entry(new ProductId(row.get("product_id", UUID.class)), row.get("file_name", String.class)))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private Mono<Void> change(ProducerId producer, ProductId id, Transition transition) {
        return db.sql(TRANSITION)
                .bind("to", transition.to.name())
                .bind("from", transition.fromNames())
                .bind("id", id.value())
                .bind("producer", producer.value())
                .bind("now", now())
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty() : refuse(producer, id,
                        row -> new CatalogException(CatalogErrorCode.INVALID_STATE, transition.refusal(row.status()))));
    }

    /** Why a conditional update changed nothing: not the producer's (NOT_FOUND), or what {@code why} says of the row. */
    private Mono<Void> refuse(ProducerId producer, ProductId id, Function<ProductRow, CatalogException> why) {
        return row(producer, id)
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("product " + id.value())))
                .flatMap(row -> Mono.error(why.apply(row)));
    }

    private static GenericExecuteSpec details(GenericExecuteSpec spec, ListingDetails details) {
        return spec.bind("name", details.name())
                .bind("description", Parameter.fromOrEmpty(details.description(), String.class))
                .bind("grp", details.group().name())
                .bind("price", details.price().dong())
                .bind("unit", details.salesUnit())
                .bind("weight", details.shippingWeightGrams());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}

package vn.ocop.catalog.product;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProductCard;
import vn.ocop.catalog.Stars;
import vn.ocop.catalog.Vnd;

/** Lists of sellable products, always through the one SQL definition of sellable ({@code sellable_ranking}). */
@Repository
public class ProductListings {

    private static final String SELLABLE = """
            select p.id, p.name, pr.name as producer_name, pr.province, pr.former_province, p.ocop_group,
                   s.stars, p.price_vnd, p.sales_unit, p.demo_price, s.valid_until
            from product p
            join sellable_ranking(:today) s on s.product_id = p.id
            join producer pr on pr.id = p.producer_id
            """;

    private final DatabaseClient db;

    ProductListings(DatabaseClient db) {
        this.db = db;
    }

    public Flux<ProductCard> sellable(LocalDate today, int offset, int limit) {
        return db.sql(SELLABLE + " order by s.stars desc, p.name, p.id offset :offset limit :limit")
                .bind("today", today)
                .bind("offset", offset)
                .bind("limit", limit)
                .map((row, md) -> new ProductCard(
                        row.get("id", UUID.class),
                        row.get("name", String.class),
                        row.get("producer_name", String.class),
                        row.get("province", String.class),
                        row.get("former_province", String.class),
                        OcopGroup.valueOf(row.get("ocop_group", String.class)),
                        new Stars(row.get("stars", Integer.class)),
                        new Vnd(row.get("price_vnd", Long.class)),
                        row.get("sales_unit", String.class),
                        Boolean.TRUE.equals(row.get("demo_price", Boolean.class)),
                        row.get("valid_until", LocalDate.class)))
                .all();
    }

    public Mono<Long> countSellable(LocalDate today) {
        return db.sql("select count(*) as n from sellable_ranking(:today)")
                .bind("today", today)
                .map((row, md) -> row.get("n", Long.class))
                .one();
    }
}

package vn.ocop.catalog.stock;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProductId;

/**
 * Units sold online, added to the per-product counter ({@code product_sales}, in shards summed on read) that cards
 * read; tills' sales are added by a trigger on their SALE movements. One statement: the sale's id is recorded and counted together, or
 * neither when that id was counted before.
 */
@Repository
class SalesCounter {

    private final DatabaseClient db;

    SalesCounter(DatabaseClient db) {
        this.db = db;
    }

    /** Answers whether it was counted now (false: this id was counted before). */
    public Mono<Boolean> countOnline(UUID id, ProductId product, int quantity) {
        return db.sql("""
                        with recorded as (
                            insert into online_sale (id, product_id, quantity) values (:id, :product, :quantity)
                            on conflict (id) do nothing
                            returning product_id, quantity)
                        insert into product_sales as c (product_id, shard, units_sold)
                        select product_id, catalog_sales_shard(), quantity from recorded
                        on conflict (product_id, shard) do update set units_sold = c.units_sold + excluded.units_sold, updated_at = now()""")
                .bind("id", id)
                .bind("product", product.value())
                .bind("quantity", quantity)
                .fetch().rowsUpdated()
                .map(n -> n > 0);
    }
}

package vn.ocop.storefront.web.orders;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.stock.MovementType;
import vn.ocop.catalog.ProductId;

/** Order tests' set-up on the demo data: the Hà Nội showroom, a sellable product given stock there, an empty cart. */
public final class StockedProducts {

    private final DatabaseClient db;
    private final Inventory inventory;

    public StockedProducts(DatabaseClient db, Inventory inventory) {
        this.db = db;
        this.inventory = inventory;
    }

    /** The Hà Nội demo showroom, where staff@demo.ocop.vn works. */
    public UUID showroom() {
        return db.sql("select id from location where name like 'Showroom OCOP Hà Nội%'").map((r, m) -> r.get("id", UUID.class)).one().block();
    }

    /** A sellable product with no stock anywhere (and no producer's warehouse), given {@code quantity} at the showroom. */
    public UUID productWithStock(int quantity) {
        UUID product = productWithoutStock();
        receive(product, quantity);
        return product;
    }

    /** A sellable product with no stock anywhere (and no producer's warehouse): "Hết hàng". */
    public UUID productWithoutStock() {
        return db.sql("select r.product_id from sellable_ranking(current_date) r join product p on p.id = r.product_id "
                        + "where not exists (select 1 from stock s where s.product_id = r.product_id) "
                        + "and not exists (select 1 from location l where l.producer_id = p.producer_id) order by random() limit 1")
                .map((r, m) -> r.get("product_id", UUID.class)).one().block();
    }

    /** A sellable product of the producer that account acts for, given {@code quantity} more at the showroom. */
    public UUID productOf(String producerEmail, int quantity) {
        UUID product = db.sql("select r.product_id from sellable_ranking(current_date) r join product p on p.id = r.product_id "
                        + "join account a on a.producer_id = p.producer_id where a.email = :email order by random() limit 1")
                .bind("email", producerEmail).map((r, m) -> r.get("product_id", UUID.class)).one().block();
        receive(product, quantity);
        return product;
    }

    public void emptyCartOf(String email) {
        db.sql("delete from cart_line where cart_id in (select c.id from cart c join account a on a.id = c.account_id where a.email = :email)")
                .bind("email", email).then().block();
    }

    public int reserved(UUID product) {
        return db.sql("select coalesce(sum(reserved), 0)::int as r from stock where product_id = :p").bind("p", product)
                .map((r, m) -> r.get("r", Integer.class)).one().block();
    }

    public long ordersOf(String email) {
        return db.sql("select count(*) as n from customer_order o join account a on a.id = o.account_id where a.email = :email")
                .bind("email", email).map((r, m) -> r.get("n", Long.class)).one().block();
    }

    public void receive(UUID product, int quantity) {
        inventory.recordAtLocation(new LocationId(showroom()), List.of(Movement.of(UUID.randomUUID(), MovementType.RECEIPT, new ProductId(product),
                quantity, OffsetDateTime.now(), null)), "test").block();
    }
}

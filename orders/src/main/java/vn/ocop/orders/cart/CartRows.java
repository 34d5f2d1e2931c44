package vn.ocop.orders.cart;

import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ProductId;
import vn.ocop.orders.CartId;

/** The cart tables. Quantities are capped at 99 in the statements themselves, so concurrent adds cannot pass it. */
@Repository
public class CartRows {

    private final DatabaseClient db;

    CartRows(DatabaseClient db) {
        this.db = db;
    }

    public Mono<CartId> create(UUID account) {
        CartId id = new CartId(UUID.randomUUID());
        return db.sql("insert into cart (id, account_id) values (:id, :account) on conflict (account_id) do nothing")
                .bind("id", id.value())
                .bind("account", org.springframework.r2dbc.core.Parameter.fromOrEmpty(account, UUID.class))
                .then()
                .then(account == null ? Mono.just(id) : ofAccount(account));
    }

    /** The account's cart, made on first use (two first uses at once make one). */
    public Mono<CartId> ofAccountOrNew(UUID account) {
        return ofAccount(account).switchIfEmpty(Mono.defer(() -> create(account)
                .onErrorResume(org.springframework.dao.DuplicateKeyException.class, raced -> ofAccount(account))));
    }

    public Mono<CartId> ofAccount(UUID account) {
        return db.sql("select id from cart where account_id = :account").bind("account", account)
                .map((row, md) -> new CartId(row.get("id", UUID.class))).one();
    }

    /** The account whose cart it is; empty for an anonymous cart. */
    public Mono<UUID> accountOf(CartId cart) {
        return db.sql("select account_id from cart where id = :id and account_id is not null").bind("id", cart.value())
                .map((r, m) -> r.get("account_id", UUID.class)).one();
    }

    /** An anonymous cart with that id; empty when there is none (or it belongs to an account). */
    public Mono<CartId> anonymous(UUID id) {
        return db.sql("select id from cart where id = :id and account_id is null").bind("id", id)
                .map((row, md) -> new CartId(row.get("id", UUID.class))).one();
    }

    public Mono<Map<ProductId, Integer>> lines(CartId cart) {
        return db.sql("select product_id, quantity from cart_line where cart_id = :cart order by added_at, product_id")
                .bind("cart", cart.value())
                .map((row, md) -> Map.entry(new ProductId(row.get("product_id", UUID.class)), row.get("quantity", Integer.class)))
                .all()
                .collect(java.util.LinkedHashMap<ProductId, Integer>::new, (m, e) -> m.put(e.getKey(), e.getValue()));
    }

    /** Adds to a line (made if missing), never past 99. */
    public Mono<Void> add(CartId cart, ProductId product, int quantity) {
        return db.sql("""
                        insert into cart_line (cart_id, product_id, quantity) values (:cart, :product, least(:q, 99))
                        on conflict (cart_id, product_id) do update set quantity = least(cart_line.quantity + excluded.quantity, 99)""")
                .bind("cart", cart.value()).bind("product", product.value()).bind("q", quantity)
                .then().then(touch(cart));
    }

    /**
     * Adds one product to several accounts' carts at once (each made if missing, touched, its line never past 99):
     * one statement. {@code accounts} distinct, and sorted so that two such statements lock carts in one order.
     */
    public Mono<Void> addToEach(UUID[] accounts, ProductId product, Integer[] quantities) {
        return db.sql("""
                        with carts as (
                            insert into cart (id, account_id) select gen_random_uuid(), a from unnest(:accounts) a
                            on conflict (account_id) do update set updated_at = now()
                            returning id, account_id)
                        insert into cart_line (cart_id, product_id, quantity)
                        select c.id, :product, least(t.q, 99) from unnest(:accounts, :quantities) t(account_id, q) join carts c using (account_id)
                        on conflict (cart_id, product_id) do update set quantity = least(cart_line.quantity + excluded.quantity, 99)""")
                .bind("accounts", accounts).bind("product", product.value()).bind("quantities", quantities)
                .then();
    }

    public Mono<Void> set(CartId cart, ProductId product, int quantity) {
        return db.sql("update cart_line set quantity = :q where cart_id = :cart and product_id = :product")
                .bind("cart", cart.value()).bind("product", product.value()).bind("q", quantity)
                .then().then(touch(cart));
    }

    public Mono<Void> remove(CartId cart, ProductId product) {
        return db.sql("delete from cart_line where cart_id = :cart and product_id = :product")
                .bind("cart", cart.value()).bind("product", product.value())
                .then().then(touch(cart));
    }

    public Mono<Void> clear(CartId cart, java.util.Collection<ProductId> products) {
        return db.sql("delete from cart_line where cart_id = :cart and product_id = any(:products)")
                .bind("cart", cart.value()).bind("products", products.stream().map(ProductId::value).toArray(UUID[]::new))
                .then();
    }

    /** Moves an anonymous cart's lines into another cart (quantities added, at most 99) and deletes it. */
    public Mono<Void> mergeInto(CartId anonymous, CartId target) {
        return db.sql("""
                        insert into cart_line (cart_id, product_id, quantity, added_at)
                        select :target, product_id, quantity, added_at from cart_line where cart_id = :anonymous
                        on conflict (cart_id, product_id) do update set quantity = least(cart_line.quantity + excluded.quantity, 99)""")
                .bind("target", target.value()).bind("anonymous", anonymous.value())
                .then()
                .then(db.sql("delete from cart where id = :anonymous and account_id is null").bind("anonymous", anonymous.value()).then())
                .then(touch(target));
    }

    private Mono<Void> touch(CartId cart) {
        return db.sql("update cart set updated_at = now() where id = :cart").bind("cart", cart.value()).then();
    }
}

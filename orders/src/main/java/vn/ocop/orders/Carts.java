package vn.ocop.orders;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.ProductOffer;
import vn.ocop.catalog.stock.StockReports;
import vn.ocop.catalog.stock.StockState;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.live.FlashClaims.Held;
import vn.ocop.orders.live.FlashPricing;
import vn.ocop.orders.cart.CartRows;

/**
 * Shopping carts. An anonymous cart is known by its id (the shopper's cookie); a signed-in shopper has one
 * cart, into which the anonymous one is merged at sign-in. Every view prices the lines again and says which
 * can no longer be ordered; adding checks that the product is on sale and that one location has that many.
 */
@Service
public class Carts {

    public static final int MAX_QUANTITY = CartLine.MAX_QUANTITY;

    private final CartRows rows;
    private final StockReports stock;
    private final Catalog catalog;
    private final TransactionalOperator transactions;
    private final FlashPricing flash;

    Carts(CartRows rows, StockReports stock, Catalog catalog, TransactionalOperator transactions, FlashPricing flash) {
        this.rows = rows;
        this.stock = stock;
        this.catalog = catalog;
        this.transactions = transactions;
        this.flash = flash;
    }

    /** The account's cart, made on first use. */
    public Mono<CartId> ofAccount(UUID account) {
        return rows.ofAccountOrNew(account);
    }

    /** The anonymous cart of that cookie, or a new one when the cookie names none. */
    public Mono<CartId> anonymous(UUID cookie) {
        return (cookie == null ? Mono.<CartId>empty() : rows.anonymous(cookie)).switchIfEmpty(Mono.defer(() -> rows.create(null)));
    }

    /** An anonymous cart's id only if it exists; nothing is made. */
    public Mono<CartId> existingAnonymous(UUID cookie) {
        return cookie == null ? Mono.empty() : rows.anonymous(cookie);
    }

    public Mono<Cart> view(CartId cart) {
        return rows.lines(cart).flatMap(lines -> priced(cart, lines));
    }

    public Mono<Cart> add(CartId cart, ProductId product, int quantity) {
        return checkQuantity(quantity)
                .then(rows.lines(cart))
                .flatMap(lines -> flashUnits(cart, product, Math.min(MAX_QUANTITY, lines.getOrDefault(product, 0) + quantity))
                        .flatMap(flashUnits -> orderable(product, Math.min(MAX_QUANTITY, lines.getOrDefault(product, 0) + quantity) - flashUnits)))
                .then(rows.add(cart, product, quantity))
                .then(view(cart));
    }

    /** Sets a line's quantity; 0 removes it. */
    public Mono<Cart> set(CartId cart, ProductId product, int quantity) {
        if (quantity == 0) {
            return rows.remove(cart, product).then(view(cart));
        }
        return checkQuantity(quantity).then(flashUnits(cart, product, quantity)).flatMap(f -> orderable(product, quantity - f))
                .then(rows.set(cart, product, quantity)).then(view(cart));
    }

    /** At sign-in: the anonymous cart's lines join the account's cart. Merging again finds nothing to merge. */
    public Mono<CartId> merge(UUID cookie, UUID account) {
        return ofAccount(account).flatMap(target -> existingAnonymous(cookie)
                .flatMap(anonymous -> transactions.transactional(rows.mergeInto(anonymous, target)))
                .thenReturn(target));
    }

    /** The cart's lines as a basket bound for {@code destination}, to quote its parcels and shipping; its owner's flash units count. */
    public Mono<Basket> basket(CartId cart, Destination destination) {
        return rows.lines(cart).zipWith(rows.accountOf(cart).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .map(t -> new Basket(t.getT2().orElse(null), t.getT1().entrySet().stream()
                        .map(e -> new OrderRequest.Line(e.getKey(), e.getValue())).toList(), destination));
    }

    /** Removes the lines that were ordered (after checkout). */
    public Mono<Void> removeOrdered(CartId cart, List<ProductId> products) {
        return rows.clear(cart, products);
    }

    private Mono<Cart> priced(CartId cart, Map<ProductId, Integer> lines) {
        return Mono.zip(stock.offers(lines.keySet(), catalog.today()).collectMap(ProductOffer::product),
                        rows.accountOf(cart).flatMap(account -> flash.held(account, lines.keySet())).defaultIfEmpty(Map.of()))
                .map(t -> new Cart(cart, lines.entrySet().stream()
                        .filter(e -> t.getT1().containsKey(e.getKey()))
                        .map(e -> line(t.getT1().get(e.getKey()), e.getValue(), FlashPricing.fitting(t.getT2().get(e.getKey()), e.getValue())))
                        .toList()));
    }

    private static CartLine line(ProductOffer offer, int quantity, List<Held> flashClaims) {
        int flashUnits = flashClaims.stream().mapToInt(Held::quantity).sum();
        Vnd flashTotal = flashClaims.stream().map(h -> h.flashPrice().times(h.quantity())).reduce(new Vnd(0), Vnd::plus);
        return new CartLine(offer.product(), offer.name(), offer.price(), quantity, offer.sellable(), offer.mostAvailable(), flashUnits, flashTotal,
                offer.stock());
    }

    /** How many of {@code quantity} units of the product the cart's owner holds at a flash price. */
    private Mono<Integer> flashUnits(CartId cart, ProductId product, int quantity) {
        return rows.accountOf(cart).flatMap(account -> flash.held(account, List.of(product)))
                .map(held -> FlashPricing.fitting(held.get(product), quantity).stream().mapToInt(Held::quantity).sum())
                .defaultIfEmpty(0);
    }

    /** {@code quantity} at list price (flash units aside) can be promised: OutOfStock when none at all can ("Hết hàng"). */
    private Mono<Void> orderable(ProductId product, int quantity) {
        return stock.offers(List.of(product), catalog.today()).next()
                .filter(ProductOffer::sellable)
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.NOT_SELLABLE, "product " + product.value() + " is not on sale")))
                .filter(offer -> quantity <= 0 || offer.stock() != StockState.OUT_OF_STOCK)
                .switchIfEmpty(Mono.error(() -> new OutOfStock(product)))
                .filter(offer -> offer.mostAvailable() >= quantity)
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.NOT_ENOUGH_STOCK,
                        "no location can promise " + quantity + " of this product now")))
                .then();
    }

    private static Mono<Void> checkQuantity(int quantity) {
        return quantity >= 1 && quantity <= MAX_QUANTITY ? Mono.empty()
                : Mono.error(new OrdersException(OrdersErrorCode.INVALID_REQUEST, "a quantity is 1 to " + MAX_QUANTITY));
    }
}

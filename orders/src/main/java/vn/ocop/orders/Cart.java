package vn.ocop.orders;

import java.util.List;
import vn.ocop.catalog.Vnd;

/** A cart with every line priced now; only orderable lines count toward the total. */
public record Cart(CartId id, List<CartLine> lines) {

    public Vnd total() {
        return lines.stream().filter(CartLine::orderable).map(CartLine::total).reduce(new Vnd(0), Vnd::plus);
    }

    /** Something to order, and nothing in the way: every line on sale and in stock. */
    public boolean checkoutReady() {
        return !lines.isEmpty() && lines.stream().allMatch(CartLine::orderable);
    }

    public int items() {
        return lines.stream().mapToInt(CartLine::quantity).sum();
    }
}

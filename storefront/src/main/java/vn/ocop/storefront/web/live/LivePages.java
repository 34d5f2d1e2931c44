package vn.ocop.storefront.web.live;

import vn.ocop.orders.OrdersException;

/** What the live pages say when the orders module refuses: a message key shown on the page in its language. */
record LivePages(String key) {

    static LivePages problem(OrdersException e) {
        String key = switch (e.code()) {
            case NOT_FOUND -> "live.error.not-found";
            case NOT_SELLABLE -> "order.error.not-sellable";
            case NOT_ENOUGH_STOCK -> "live.error.sold-out";
            case LIMIT_REACHED -> "live.error.limit";
            case INVALID_STATE -> "live.error.state";
            default -> "live.error.invalid";
        };
        return new LivePages(key); // never the module's English: the key says it in the page's language
    }
}

package vn.ocop.storefront.web.orders;

import vn.ocop.orders.OrdersException;
import vn.ocop.orders.OutOfStock;

/** What the order pages say when the orders module refuses: on the page, never a bare error page. */
final class OrderPages {

    private OrderPages() {
    }

    /**
     * A message key the page shows, in the page's language. The module's own words (developer English) never reach
     * the page.
     */
    record Problem(String key) {
    }

    static Problem problem(OrdersException e) {
        return switch (e.code()) {
            case NOT_SELLABLE -> new Problem("order.error.not-sellable");
            // "Hết hàng" in the bundle's words, not the module's English
            case NOT_ENOUGH_STOCK -> e instanceof OutOfStock ? new Problem("stock.state.out.cart-refused")
                    : new Problem("order.error.not-enough");
            case INVALID_STATE -> new Problem("order.error.state");
            case IDEMPOTENCY_MISMATCH -> new Problem("order.error.resubmitted");
            case NOT_FOUND -> new Problem("order.error.not-found");
            case LIMIT_REACHED -> new Problem("live.error.limit");
            case AMOUNT_MISMATCH -> new Problem("order.error.amount");
            case TOO_MANY_ATTEMPTS -> new Problem("pickups.error.too-many");
            case INVALID_REQUEST, INVALID_SIGNATURE, NOT_CONFIGURED, MORE_THAN_OWED, MORE_THAN_PAID -> new Problem("order.error.invalid");
            case CARD_AMOUNT_OUT_OF_RANGE -> new Problem("payments.error.card-amount");
            case PAYMENT_IN_PROGRESS -> new Problem("payments.error.in-progress");
            case PAYMENT_PROVIDER_UNAVAILABLE -> new Problem("payments.error.unavailable");
            case DISPUTED -> new Problem("payments.error.disputed");
            case REFUND_EXCEEDS_PAYMENT -> new Problem("payments.error.refund-exceeds");
            case COMPLAINT_DEADLINE_PASSED -> new Problem("complaint.error.deadline");
            case ALREADY_COMPLAINED -> new Problem("complaint.error.already");
            case REFUND_EXCEEDS_LINE -> new Problem("complaint.error.exceeds-line");
            case LINE_NOT_COMPLETED -> new Problem("review.error.line-not-completed");
            case ALREADY_REVIEWED -> new Problem("review.error.already-reviewed");
            case ALREADY_REPLIED -> new Problem("review.error.already-replied");
        };
    }
}

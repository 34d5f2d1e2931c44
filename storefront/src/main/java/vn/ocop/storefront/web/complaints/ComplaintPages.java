package vn.ocop.storefront.web.complaints;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import vn.ocop.catalog.CatalogException;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;

/** What the complaint pages say when a step is refused: a message key, its detail, and the answer's status. */
record ComplaintPages(String key, String detail) {

    static final String CONFIRM = "complaint.error.confirm";

    /** The page's message for a refusal, setting the status (404 is not shown on the page: the caller rethrows it). */
    static ComplaintPages of(Throwable e, ServerWebExchange exchange) {
        if (e instanceof CatalogException image) { // a photo the catalog would not keep
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            return new ComplaintPages("complaint.error.photo", null);
        }
        OrdersException refused = (OrdersException) e;
        exchange.getResponse().setStatusCode(refused.code() == OrdersErrorCode.INVALID_REQUEST ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT);
        return new ComplaintPages(switch (refused.code()) {
            case COMPLAINT_DEADLINE_PASSED -> "complaint.error.deadline";
            case ALREADY_COMPLAINED -> "complaint.error.already";
            case REFUND_EXCEEDS_LINE -> "complaint.error.exceeds-line";
            case INVALID_STATE -> "complaint.error.state";
            default -> "complaint.error.invalid";
        }, null); // the module's words are developer English: the page says it in its own language
    }

    static boolean shown(Throwable e) {
        return e instanceof CatalogException c && c.code() != vn.ocop.catalog.CatalogErrorCode.NOT_FOUND
                || e instanceof OrdersException o && o.code() != OrdersErrorCode.NOT_FOUND;
    }

    static ComplaintPages unconfirmed(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
        return new ComplaintPages(CONFIRM, null);
    }
}

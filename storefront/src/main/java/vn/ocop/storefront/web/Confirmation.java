package vn.ocop.storefront.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

/**
 * The "Tôi xác nhận" box of a destructive page action (cancelling an order, revoking a ranking or a till key, ending
 * or cancelling a live event). The browser will not send the form unchecked, and the server checks again: an
 * unconfirmed request is answered 422 with {@link #REQUIRED} on the page and changes nothing.
 */
public final class Confirmation {

    /** The form field, a checkbox sending {@code true}. */
    public static final String FIELD = "confirmed";
    /** The page's message when the box was not checked. */
    public static final String REQUIRED = "pages.confirm.required";

    private Confirmation() {
    }

    public static boolean given(Boolean confirmed) {
        return Boolean.TRUE.equals(confirmed);
    }

    /** Sets the refusal's status; the caller shows its page again with {@link #REQUIRED}. */
    public static void refuse(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
    }
}

package vn.ocop.orders;

/** What carts, checkout and orders refuse, with a stable code; it knows nothing of HTTP. */
public class OrdersException extends RuntimeException {

    private final OrdersErrorCode code;

    public OrdersException(OrdersErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public OrdersErrorCode code() {
        return code;
    }
}

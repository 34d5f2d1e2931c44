package vn.ocop.orders;

import java.util.List;

/** A commission rate or payout that cannot be taken as asked: each wrong field named, nothing written. */
public class InvalidMoneyRequest extends OrdersException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidMoneyRequest(List<FieldError> errors) {
        super(OrdersErrorCode.INVALID_REQUEST, errors.isEmpty() ? "the request is not valid" : errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public static InvalidMoneyRequest of(String field, String message) {
        return new InvalidMoneyRequest(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}

package vn.ocop.orders;

import java.util.List;

/** A submitted rate table that leaves weights without a fee, or gives some two: each wrong field named. */
public class InvalidRateTable extends OrdersException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidRateTable(List<FieldError> errors) {
        super(OrdersErrorCode.INVALID_REQUEST, "the rate table is not valid: " + errors.size() + " field(s) to correct");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

package vn.ocop.orders;

import java.util.List;

/** A submitted rate table that leaves weights without a fee, or gives some two: each wrong field named. */
public class InvalidRateTable extends OrdersException {

    /** What is wrong, for pages to word in the reader's language; {@code args} are the grams or names the words need. */
    public enum Problem { ZONE_UNNAMED, ZONE_TWICE, ZONE_MISSING, WINDOW, NO_BANDS, NO_FEE, OVERLAP_OPEN, OVERLAP, GAP, ENDS_BEFORE_START, FEE_RANGE,
        EXTRA_NOT_LAST, LAST_NOT_OPEN }

    public record FieldError(String field, Problem problem, String message, List<Object> args) {
        public FieldError {
            args = List.copyOf(args);
        }

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

package vn.ocop.storefront.input;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request refused before any feature saw it, naming the one field (or header, or parameter) at fault. */
public class InvalidInput extends ResponseStatusException {

    private final String field;
    private final String problem;

    public InvalidInput(HttpStatus status, String field, String problem) {
        super(status, field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}

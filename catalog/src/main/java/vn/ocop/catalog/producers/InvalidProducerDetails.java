package vn.ocop.catalog.producers;

import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;

/**
 * A producer's details that break a rule (code INVALID_PRODUCER_DETAILS): a tax code whose check digit is wrong, a
 * registration number that does not fit the producer's kind, a bank not on the list. The field lets a form put the
 * message in the reader's language beside the right input; the message is for API clients.
 */
public final class InvalidProducerDetails extends CatalogException {

    private final String field;

    public InvalidProducerDetails(String field, String message) {
        super(CatalogErrorCode.INVALID_PRODUCER_DETAILS, field + ": " + message);
        this.field = field;
    }

    /** The field in question, as named in {@link ProducerApplication}. */
    public String field() {
        return field;
    }

    /** {@code value} when {@code problem} is null, else this exception for the field. */
    static String check(String field, String value, String problem) {
        if (problem != null) {
            throw new InvalidProducerDetails(field, problem);
        }
        return value;
    }
}

package vn.ocop.devservices;

/** A dev service could not start; the message is one line a person can act on. */
public class DevServiceException extends RuntimeException {
    public DevServiceException(String message) {
        super(message);
    }

    public DevServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}

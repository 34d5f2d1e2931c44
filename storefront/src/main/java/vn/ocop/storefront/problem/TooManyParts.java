package vn.ocop.storefront.problem;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A multipart request with more parts than {@code spring.webflux.multipart.max-parts}: Spring's reader stops at the
 * first part over the limit with a plain DecodingException (often while the CSRF filter reads the form), whose
 * message is all that tells it apart from a broken body. The count it gives is where it stopped, so only the limit
 * is repeated.
 */
final class TooManyParts {

    private static final Pattern MESSAGE = Pattern.compile("Too many parts \\(\\d+/(\\d+) allowed\\)");

    private TooManyParts() {
    }

    static Optional<ProblemDetail> problem(Throwable error) {
        if (!(error instanceof DecodingException) || error.getMessage() == null) {
            return Optional.empty();
        }
        Matcher limit = MESSAGE.matcher(error.getMessage());
        return limit.matches()
                ? Optional.of(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-many-parts",
                        "A multipart request may have at most " + limit.group(1) + " parts; send one image per request."))
                : Optional.empty();
    }
}

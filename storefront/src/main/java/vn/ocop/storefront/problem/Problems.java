package vn.ocop.storefront.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.listings.ImageRejected;
import vn.ocop.catalog.producers.InvalidProducerDetails;
import vn.ocop.orders.InvalidMoneyRequest;
import vn.ocop.orders.InvalidRateTable;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;
import vn.ocop.orders.TooManyAttempts;
import vn.ocop.storefront.account.AccountException;
import vn.ocop.storefront.account.EmailAlreadyRegistered;
import vn.ocop.storefront.account.InvalidAccountRequest;
import vn.ocop.storefront.account.TooManySignInAttempts;
import vn.ocop.storefront.health.DatabaseOutage;

/** Maps what went wrong to a problem: {@code type} https://ocop.vn/problems/&lt;code&gt;, title, status, detail, code. */
public final class Problems {

    public static final String TYPE_BASE = "https://ocop.vn/problems/";
    /** The last line of defence: a value every check let through and PostgreSQL refused (SQLSTATE class 22). */
    static final String UNSTORABLE = "unstorable-value";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_BASE + code));
        p.setProperty("code", code);
        return p;
    }

    static ProblemDetail from(Throwable error, UUID errorId) {
        if (DatabaseOutage.causedBy(error)) {
            return of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "The shop cannot reach its database just now. Nothing was changed; please try again in a few seconds.");
        }
        if (unstorable(error)) {
            return of(HttpStatus.BAD_REQUEST, UNSTORABLE, "A value in the request cannot be stored: too long, out of range, "
                    + "or holding a character the database refuses. Nothing was changed.");
        }
        Optional<ProblemDetail> tooManyParts = TooManyParts.problem(error);
        if (tooManyParts.isPresent()) {
            return tooManyParts.get();
        }
        ProblemDetail refusedEarly = InputProblems.of(error);
        if (refusedEarly != null) {
            return refusedEarly;
        }
        if (error instanceof WebExchangeBindException bind) {
            return validation(bind);
        }
        if (error instanceof CatalogException refused) {
            return catalog(refused);
        }
        if (error instanceof InvalidRateTable invalid) {
            ProblemDetail p = of(HttpStatus.BAD_REQUEST, "validation", invalid.getMessage());
            p.setProperty("errors", invalid.errors().stream()
                    .map(f -> Map.<String, Object>of("field", f.field(), "message", f.message())).toList());
            return p;
        }
        if (error instanceof InvalidMoneyRequest invalid) { // money: commission rates, payouts, statement periods
            ProblemDetail p = of(HttpStatus.BAD_REQUEST, "validation", invalid.getMessage());
            p.setProperty("errors", invalid.errors().stream()
                    .map(f -> Map.<String, Object>of("field", f.field(), "message", f.message())).toList());
            return p;
        }
        if (error instanceof OrdersException refused) {
            return orders(refused);
        }
        if (error instanceof AccountException refused) {
            return accounts(refused);
        }
        if (error instanceof EmailAlreadyRegistered taken) {
            return of(HttpStatus.CONFLICT, "email-taken", taken.getMessage());
        }
        if (error instanceof TooManySignInAttempts locked) {
            return of(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", locked.getMessage());
        }
        if (error instanceof DataBufferLimitException) {
            return of(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "The request is larger than this server accepts.");
        }
        if (error instanceof HandlerMethodValidationException hmv) {
            return parameterValidation(hmv);
        }
        if (error instanceof ResponseStatusException rse) {
            HttpStatusCode status = rse.getStatusCode();
            // our own refusals are worded for the reader; the framework's may echo the request or its internals
            boolean ours = rse.getClass() == ResponseStatusException.class || rse.getClass().getName().startsWith("vn.ocop.");
            String detail = ours && rse.getReason() != null ? rse.getReason() : reasonPhrase(status);
            return of(status, code(status), detail);
        }
        return of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side. It has been logged as " + errorId + ".");
    }

    /** PostgreSQL's "data exception" class: a value too long, out of range or not valid UTF-8 (NUL). */
    static boolean unstorable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.r2dbc.spi.R2dbcException r && r.getSqlState() != null && r.getSqlState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static ProblemDetail catalog(CatalogException e) {
        HttpStatus status = switch (e.code()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case STALE_VERSION, INVALID_STATE, INSUFFICIENT_STOCK, ALREADY_REGISTERED, ALREADY_DECIDED -> HttpStatus.CONFLICT;
            case INVALID_RANKING, IMAGE_REJECTED, INVALID_LOCATION, INVALID_MOVEMENT, INVALID_PRODUCER_DETAILS, INVALID_RECALL -> HttpStatus.BAD_REQUEST;
            case OUTSIDE_MANDATE -> HttpStatus.FORBIDDEN;
            case BATCH_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
        };
        ProblemDetail p = of(status, e.code().name().toLowerCase().replace('_', '-'), e.getMessage());
        if (e instanceof ImageRejected) { // the API's and the page's multipart part
            p.setProperty("errors", List.of(Map.<String, Object>of("field", "file", "message", e.getMessage())));
        }
        if (e instanceof InvalidProducerDetails invalid) {
            p.setProperty("errors", List.of(Map.<String, Object>of("field", invalid.field(), "message", e.getMessage())));
        }
        return p;
    }

    private static ProblemDetail accounts(AccountException e) {
        HttpStatus status = switch (e.code()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_OWNER -> HttpStatus.FORBIDDEN;
            case NOT_YOURSELF, INVALID_STATE -> HttpStatus.CONFLICT;
            case INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail p = of(status, e.code().name().toLowerCase().replace('_', '-'), e.getMessage());
        if (e instanceof InvalidAccountRequest invalid) {
            p.setProperty("errors", List.of(Map.<String, Object>of("field", invalid.field(), "message", e.getMessage())));
        }
        return p;
    }

    private static ProblemDetail orders(OrdersException e) {
        HttpStatus status = switch (e.code()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_SELLABLE, NOT_ENOUGH_STOCK, INVALID_STATE, LIMIT_REACHED, AMOUNT_MISMATCH, MORE_THAN_OWED, MORE_THAN_PAID -> HttpStatus.CONFLICT;
            case REFUND_EXCEEDS_PAYMENT, CARD_AMOUNT_OUT_OF_RANGE, PAYMENT_IN_PROGRESS, DISPUTED -> HttpStatus.CONFLICT;
            case COMPLAINT_DEADLINE_PASSED, ALREADY_COMPLAINED, REFUND_EXCEEDS_LINE -> HttpStatus.CONFLICT;
            case LINE_NOT_COMPLETED, ALREADY_REVIEWED, ALREADY_REPLIED -> HttpStatus.CONFLICT;
            case TOO_MANY_ATTEMPTS -> HttpStatus.TOO_MANY_REQUESTS;
            case INVALID_REQUEST, INVALID_SIGNATURE -> HttpStatus.BAD_REQUEST;
            case IDEMPOTENCY_MISMATCH -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_CONFIGURED, PAYMENT_PROVIDER_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        return of(status, e.code().name().toLowerCase().replace('_', '-'), e.getMessage());
    }

    /** Headers a problem carries: when to try again after too many attempts. */
    static org.springframework.http.HttpHeaders headers(Throwable error) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        if (error instanceof TooManyAttempts wait) {
            headers.set(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.retryAfter().toSeconds())));
        } else if (error instanceof OrdersException unavailable && unavailable.code() == OrdersErrorCode.PAYMENT_PROVIDER_UNAVAILABLE) {
            headers.set(org.springframework.http.HttpHeaders.RETRY_AFTER, "60");
        } else if (DatabaseOutage.causedBy(error)) {
            headers.set(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.RETRY_AFTER.toSeconds()));
        }
        if (error instanceof TooManySignInAttempts wait) {
            headers.set(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.retryAfter().toSeconds())));
        }
        return headers;
    }

    private static ProblemDetail validation(WebExchangeBindException bind) {
        ProblemDetail p = of(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.");
        List<Map<String, Object>> errors = bind.getFieldErrors().stream()
                .map(f -> Map.<String, Object>of("field", f.getField(), "message", InputProblems.message(f)))
                .toList();
        p.setProperty("errors", errors);
        return p;
    }

    private static ProblemDetail parameterValidation(HandlerMethodValidationException e) {
        ProblemDetail p = of(HttpStatus.BAD_REQUEST, "validation", "The request has invalid parameters.");
        List<Map<String, Object>> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.<String, Object>of(
                        "field", String.valueOf(r.getMethodParameter().getParameterName()),
                        "message", String.valueOf(err.getDefaultMessage()))))
                .toList();
        p.setProperty("errors", errors);
        return p;
    }

    static String code(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "error-" + status.value() : known.name().toLowerCase().replace('_', '-');
    }

    private static String reasonPhrase(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error " + status.value() : known.getReasonPhrase();
    }
}

package vn.ocop.storefront.problem;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import vn.ocop.storefront.input.InvalidInput;
import vn.ocop.storefront.input.PlainText;

/**
 * Problems for requests the framework refused before a feature saw them: a body that is not the JSON asked for, a
 * parameter of the wrong type, a route or method that does not exist, a media type not taken. Each names the field
 * when there is one, in our own words: never the exception's text, which can echo the request (its Host header, its
 * body) or the framework's internals.
 */
final class InputProblems {

    /** Jackson's words for a key given twice: {@code Duplicate Object property "email"}. */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate [A-Za-z ]*\"([^\"]{1,100})\"");

    private InputProblems() {
    }

    /** The problem for a framework refusal, or null when {@code error} is not one of them. */
    static ProblemDetail of(Throwable error) {
        if (error instanceof InvalidInput invalid) {
            return fields(HttpStatus.BAD_REQUEST, "The request has an invalid " + invalid.field() + ".", invalid.field(), invalid.problem());
        }
        if (error instanceof NoResourceFoundException) {
            return Problems.of(HttpStatus.NOT_FOUND, "not-found", "There is nothing at this address.");
        }
        if (error instanceof MethodNotAllowedException e) {
            return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    "This address does not take " + e.getHttpMethod() + "; see the Allow header.");
        }
        if (error instanceof UnsupportedMediaTypeStatusException e) {
            return fields(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "This endpoint does not take that Content-Type.", "Content-Type",
                    "must be one of " + e.getSupportedMediaTypes());
        }
        if (error instanceof NotAcceptableStatusException e) {
            return Problems.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                    "This endpoint answers only " + e.getSupportedMediaTypes() + "; ask for one of those in Accept.");
        }
        if (error instanceof ServerWebInputException e && !(error instanceof WebExchangeBindException)) {
            return unreadable(e); // a bind exception is one too, with its field errors: Problems.validation words those
        }
        if (error instanceof DecodingException) {
            // a body that is not what its Content-Type says (a multipart form without its boundary, cut short)
            return fields(HttpStatus.BAD_REQUEST, "The request body could not be read.", "body", "does not match its Content-Type");
        }
        return null;
    }

    private static ProblemDetail unreadable(ServerWebInputException e) {
        JacksonException json = cause(e, JacksonException.class);
        if (json != null) {
            String field = path(json);
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(json.getOriginalMessage()));
            if (duplicate.find() && !field.endsWith(duplicate.group(1))) {
                field = field.isEmpty() ? duplicate.group(1) : field + "." + duplicate.group(1);
            }
            return fields(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape.",
                    field.isEmpty() ? "body" : field, jsonProblem(json));
        }
        MethodParameter parameter = e.getMethodParameter();
        if (parameter != null) {
            String name = parameterName(parameter, cause(e, TypeMismatchException.class));
            return fields(HttpStatus.BAD_REQUEST, "The request has an invalid parameter.", name, typeProblem(e, parameter.getParameterType()));
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "The request could not be read.");
    }

    /** A binding error's message in our words: a type mismatch says what was expected, not how conversion failed. */
    static String message(FieldError error) {
        if (!error.isBindingFailure()) {
            return String.valueOf(error.getDefaultMessage());
        }
        Throwable source = error.contains(Throwable.class) ? error.unwrap(Throwable.class) : null;
        return PlainText.PROBLEM.equals(rootMessage(source)) ? PlainText.PROBLEM : "has the wrong format";
    }

    private static String jsonProblem(JacksonException json) {
        if (json instanceof InvalidFormatException f && f.getOriginalMessage() != null && f.getOriginalMessage().endsWith(PlainText.PROBLEM)) {
            return PlainText.PROBLEM;
        }
        if (json instanceof InvalidFormatException || json instanceof MismatchedInputException m && m.getTargetType() != null) {
            Class<?> target = json instanceof MismatchedInputException m ? m.getTargetType() : null;
            return target == null ? "has the wrong type" : "must be " + expected(target);
        }
        if (json instanceof StreamReadException && json.getOriginalMessage() != null && json.getOriginalMessage().startsWith("Duplicate")) {
            return "is given more than once";
        }
        return json instanceof StreamReadException ? "is not well-formed JSON" : "has the wrong shape";
    }

    private static String typeProblem(ServerWebInputException e, Class<?> type) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (PlainText.PROBLEM.equals(root.getMessage())) {
            return PlainText.PROBLEM;
        }
        return e.getReason() != null && e.getReason().startsWith("Required") ? "is required" : "must be " + expected(type);
    }

    static String expected(Class<?> type) {
        if (type == java.util.UUID.class) {
            return "an id (UUID)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class) {
            return "a whole number in range";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (type == String.class) {
            return "text";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date or time in ISO 8601";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a " + (type.isRecord() || Map.class.isAssignableFrom(type) ? "JSON object" : type.getSimpleName());
    }

    private static String path(JacksonException json) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : json.getPath()) {
            if (ref.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String parameterName(MethodParameter parameter, TypeMismatchException mismatch) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        if (mismatch != null && mismatch.getPropertyName() != null) {
            return mismatch.getPropertyName();
        }
        return parameter.getParameterName() == null ? "parameter" : parameter.getParameterName();
    }

    private static ProblemDetail fields(HttpStatus status, String detail, String field, String message) {
        String code = status == HttpStatus.BAD_REQUEST ? "validation" : Problems.code(status);
        ProblemDetail p = Problems.of(status, code, detail);
        p.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return p;
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == null ? null : root.getMessage();
    }
}

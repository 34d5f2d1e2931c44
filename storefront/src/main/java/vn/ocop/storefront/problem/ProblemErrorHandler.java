package vn.ocop.storefront.problem;

import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webflux.autoconfigure.error.AbstractErrorWebExceptionHandler;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import reactor.core.publisher.Mono;
import vn.ocop.storefront.health.DatabaseOutage;

/**
 * Answers every error that reaches the web layer: API requests get {@code application/problem+json},
 * pages get the error page, worded for the status (messages error.404, error.409, error.500, else error.other). Server errors are logged with an id that the
 * response repeats; the response never carries a stack trace, SQL or an exception message.
 */
@Component
@Order(-2) // before Boot's default handler
class ProblemErrorHandler extends AbstractErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final DatabaseOutage outage;

    ProblemErrorHandler(ErrorAttributes attributes, ApplicationContext context, ServerCodecConfigurer codecs,
                        ObjectProvider<ViewResolver> viewResolvers, DatabaseOutage outage) {
        super(attributes, new WebProperties.Resources(), context);
        this.outage = outage;
        setMessageWriters(codecs.getWriters());
        setMessageReaders(codecs.getReaders());
        setViewResolvers(viewResolvers.orderedStream().toList());
    }

    @Override
    protected RouterFunction<ServerResponse> getRoutingFunction(ErrorAttributes errorAttributes) {
        return RouterFunctions.route(RequestPredicates.all(), this::respond);
    }

    private Mono<ServerResponse> respond(ServerRequest request) {
        Throwable error = getError(request);
        UUID errorId = UUID.randomUUID();
        ProblemDetail problem = Problems.from(error, errorId);
        if (DatabaseOutage.causedBy(error)) {
            outage.noticed(error); // logged once per outage, not per request
        } else if (Problems.UNSTORABLE.equals(problem.getProperties() == null ? null : problem.getProperties().get("code"))) {
            // the request's fault, but a check of ours should have named the field: one line to find which
            log.warn("Refused {} on {} {}: PostgreSQL refused a value ({})", errorId, request.method(), request.path(), rootMessage(error));
        } else if (problem.getStatus() >= 500 && problem.getStatus() != 503) {
            log.error("Error {} on {} {}", errorId, request.method(), request.path(), error);
        }
        if (wantsJson(request)) {
            return ServerResponse.status(problem.getStatus())
                    .headers(h -> {
                        if (error instanceof ErrorResponse withHeaders) {
                            h.addAll(withHeaders.getHeaders());
                        }
                        h.addAll(Problems.headers(error));
                    })
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyValue(problem);
        }
        return ServerResponse.status(problem.getStatus())
                .headers(h -> h.addAll(Problems.headers(error)))
                .contentType(MediaType.TEXT_HTML)
                .render("error/error", Map.of("problem", problem, "status", problem.getStatus(),
                        "reason", String.valueOf(HttpStatus.resolve(problem.getStatus()))));
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Our own logging above replaces Boot's. */
    @Override
    protected void logError(ServerRequest request, ServerResponse response, Throwable throwable) {
    }

    static boolean wantsJson(ServerRequest request) {
        if (request.path().startsWith("/api/") || request.path().startsWith("/actuator/")) {
            return true;
        }
        var accept = request.headers().accept();
        return !accept.isEmpty() && accept.stream().noneMatch(m -> m.isCompatibleWith(MediaType.TEXT_HTML))
                && accept.stream().anyMatch(m -> m.isCompatibleWith(MediaType.APPLICATION_JSON)
                        || m.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}

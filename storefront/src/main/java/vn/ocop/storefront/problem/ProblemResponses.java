package vn.ocop.storefront.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.storefront.account.TooManySignInAttempts;

/** Lets the security filters answer 401, 403 and 429 through the same problem handling as everything else. */
@Component
public class ProblemResponses {

    private final ProblemErrorHandler handler;

    ProblemResponses(ProblemErrorHandler handler) {
        this.handler = handler;
    }

    /** 401 asking for credentials; 429 {@code too-many-attempts} with {@code Retry-After} when sign-in is locked. */
    public Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException e) {
        if (e instanceof TooManySignInAttempts locked) {
            return handler.handle(exchange, locked);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"OCOP Marketplace\"");
        return handler.handle(exchange, new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to do this."));
    }

    public Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException e) {
        return handler.handle(exchange, new ResponseStatusException(HttpStatus.FORBIDDEN, "Your account may not do this."));
    }
}

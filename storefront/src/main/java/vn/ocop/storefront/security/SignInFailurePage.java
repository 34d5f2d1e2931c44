package vn.ocop.storefront.security;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import reactor.core.publisher.Mono;
import vn.ocop.storefront.account.TooManySignInAttempts;

/**
 * Where the sign-in form goes when sign-in fails: a wrong e-mail or password back to {@code /login?error}, the right
 * password of a disabled account to {@code /login?disabled}; a
 * lockout answers 429 with {@code Retry-After} and the sign-in page itself, saying how many minutes to wait (in
 * the reader's language) and keeping the form, with its CSRF token, for when the wait is over.
 */
@Component
class SignInFailurePage implements ServerAuthenticationFailureHandler {

    private final ServerAuthenticationFailureHandler wrongPassword = new RedirectServerAuthenticationFailureHandler("/login?error");
    private final ServerAuthenticationFailureHandler disabled = new RedirectServerAuthenticationFailureHandler("/login?disabled");
    private final ServerCodecConfigurer codecs;
    private final ObjectProvider<ViewResolver> viewResolvers;

    SignInFailurePage(ServerCodecConfigurer codecs, ObjectProvider<ViewResolver> viewResolvers) {
        this.codecs = codecs;
        this.viewResolvers = viewResolvers;
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange filterExchange, AuthenticationException e) {
        if (e instanceof DisabledException) { // said only after the right password
            return disabled.onAuthenticationFailure(filterExchange, e);
        }
        if (!(e instanceof TooManySignInAttempts locked)) {
            return wrongPassword.onAuthenticationFailure(filterExchange, e);
        }
        var exchange = filterExchange.getExchange();
        Mono<CsrfToken> csrf = exchange.getAttribute(CsrfToken.class.getName());
        return (csrf == null ? Mono.<CsrfToken>empty() : csrf)
                .map(token -> Map.<String, Object>of("lockedMinutes", locked.minutesToWait(), "_csrf", token))
                .defaultIfEmpty(Map.of("lockedMinutes", locked.minutesToWait()))
                .flatMap(model -> ServerResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, locked.retryAfter().toSeconds())))
                        .contentType(MediaType.TEXT_HTML)
                        .render("account/login", model))
                .flatMap(response -> response.writeTo(exchange, new ServerResponse.Context() {
                    @Override
                    public List<HttpMessageWriter<?>> messageWriters() {
                        return codecs.getWriters();
                    }

                    @Override
                    public List<ViewResolver> viewResolvers() {
                        return viewResolvers.orderedStream().toList();
                    }
                }));
    }
}

package vn.ocop.storefront.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import vn.ocop.storefront.account.ReturnTo;
import vn.ocop.storefront.account.TooManySignInAttempts;

/**
 * Where the sign-in form goes when sign-in fails: a wrong e-mail or password back to {@code /login?error}, the right
 * password of a disabled account to {@code /login?disabled}; a
 * lockout answers 429 with {@code Retry-After} and the sign-in page itself, saying how many minutes to wait (in
 * the reader's language) and keeping the form, with its CSRF token, for when the wait is over. Each keeps the page the
 * shopper is to return to ({@link ReturnTo}).
 */
@Component
class SignInFailurePage implements ServerAuthenticationFailureHandler {

    private final ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();
    private final ServerCodecConfigurer codecs;
    private final ObjectProvider<ViewResolver> viewResolvers;

    SignInFailurePage(ServerCodecConfigurer codecs, ObjectProvider<ViewResolver> viewResolvers) {
        this.codecs = codecs;
        this.viewResolvers = viewResolvers;
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange filterExchange, AuthenticationException e) {
        var exchange = filterExchange.getExchange();
        Mono<String> returnTo = ReturnTo.fromForm(exchange).defaultIfEmpty("");
        if (e instanceof DisabledException) { // said only after the right password
            return returnTo.flatMap(target -> redirect.sendRedirect(exchange, back("/login?disabled", target)));
        }
        if (!(e instanceof TooManySignInAttempts locked)) {
            return returnTo.flatMap(target -> redirect.sendRedirect(exchange, back("/login?error", target)));
        }
        Mono<CsrfToken> csrf = exchange.getAttribute(CsrfToken.class.getName());
        return Mono.zip(csrf == null ? Mono.just(Optional.<CsrfToken>empty()) : csrf.map(Optional::of).defaultIfEmpty(Optional.empty()), returnTo)
                .map(t -> {
                    Map<String, Object> model = new HashMap<>(Map.of("lockedMinutes", locked.minutesToWait()));
                    t.getT1().ifPresent(token -> model.put("_csrf", token));
                    if (!t.getT2().isEmpty()) {
                        model.put("returnTo", t.getT2());
                    }
                    return model;
                })
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

    private static URI back(String page, String returnTo) {
        return URI.create(returnTo.isEmpty() ? page
                : page + "&" + ReturnTo.PARAMETER + "=" + UriUtils.encodeQueryParam(returnTo, StandardCharsets.UTF_8));
    }
}

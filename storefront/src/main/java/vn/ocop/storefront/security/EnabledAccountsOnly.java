package vn.ocop.storefront.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import vn.ocop.storefront.account.Account;
import vn.ocop.storefront.account.Accounts;
import vn.ocop.storefront.session.StoredSession;

/**
 * A session lasts only as long as its account may act: on every signed-in request the account is read, and when it
 * was disabled (by ADMIN, or removed from its producer by the owner) or no longer exists the session is ended and
 * the request goes on as anonymous (a page asks to sign in, the API answers 401). The account read is kept on the
 * exchange for {@link CurrentAccount}, so a request reads it once: with its session, in the same statement
 * ({@link StoredSession#ACCOUNT_READ_WITH_IT}), or else on its own. A page that then asks to sign in says why
 * ({@link #SESSION_ENDED}: the sign-in page's "this account has been disabled" notice), rather than just asking again.
 */
final class EnabledAccountsOnly implements WebFilter {

    static final String ATTRIBUTE = Account.class.getName();
    /** On the exchange when this request's session was ended because its account may no longer act. */
    static final String SESSION_ENDED = EnabledAccountsOnly.class.getName() + ".SESSION_ENDED";

    private final Accounts accounts;

    EnabledAccountsOnly(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(a -> a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken))
                .flatMap(a -> mayAct(a, exchange))
                .defaultIfEmpty(true)
                .flatMap(mayAct -> mayAct ? chain.filter(exchange)
                        : exchange.getSession().flatMap(WebSession::invalidate)
                                .then(Mono.fromRunnable(() -> exchange.getAttributes().put(SESSION_ENDED, Boolean.TRUE)))
                                .then(chain.filter(exchange).contextWrite(ReactiveSecurityContextHolder.clearContext())));
    }

    private Mono<Boolean> mayAct(Authentication signedIn, ServerWebExchange exchange) {
        return exchange.getSession()
                .mapNotNull(session -> session.<Account>getAttribute(StoredSession.ACCOUNT_READ_WITH_IT))
                .filter(account -> account.email().equalsIgnoreCase(signedIn.getName().strip()))
                // a session stored before its account was joined to it, or a request signed in without a session
                .switchIfEmpty(Mono.defer(() -> accounts.findByEmail(signedIn.getName())))
                .doOnNext(account -> exchange.getAttributes().put(ATTRIBUTE, account))
                .map(Account::enabled)
                .defaultIfEmpty(false);
    }
}

package vn.ocop.storefront.security;

import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.HandlerMapping;
import vn.ocop.storefront.account.Accounts;
import vn.ocop.storefront.problem.ProblemResponses;

/**
 * Pages sign in with a form (session cookie, CSRF token on every form); API clients send HTTP Basic
 * credentials, which carry no ambient authority, so requests with an Authorization header skip CSRF.
 * Unauthenticated API calls get a 401 problem, pages a redirect to /login. Sessions live in PostgreSQL
 * (vn.ocop.storefront.session) and exist only for people who signed in.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    private static final String[] PUBLIC_PAGES = {
        "/", "/login", "/register", "/products/**", "/search", "/search/**", "/verify/**", "/live/**",
        "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/error"
    };
    private static final String[] PUBLIC_DOCS = {
        "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/actuator/health/**", "/actuator/info", "/actuator/prometheus"
    };

    /**
     * Searching the catalogue (the busiest request, and the same answer for everyone) with no credentials sent: no
     * session or security context to load, no CSRF cookie, no saved request, no sign-in; only the response headers.
     * {@code bench search} showed the full chain's filters, each observed by Micrometer, as a large share of the
     * app's own work per search. A request that sends credentials takes the full chain below (a wrong password is a 401).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain catalogueSearch(ServerHttpSecurity http) {
        ServerWebExchangeMatcher search = new AndServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/v1/products", "/api/v1/products/suggestions"),
                exchange -> exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                        ? ServerWebExchangeMatcher.MatchResult.notMatch() : ServerWebExchangeMatcher.MatchResult.match());
        return anonymousOnly(http, search);
    }

    /**
     * What crawlers and browsers fetch on their own, the same for everyone: robots.txt, sitemap.xml (one query per
     * fetch, streamed) and /favicon.ico, with no session loaded and no CSRF cookie set, whoever asks.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityWebFilterChain crawlerFiles(ServerHttpSecurity http) {
        return anonymousOnly(http, ServerWebExchangeMatchers.pathMatchers("/robots.txt", "/sitemap.xml", "/favicon.ico"));
    }

    /** Everyone let through as no one: only the response headers of the security chain. */
    private static SecurityWebFilterChain anonymousOnly(ServerHttpSecurity http, ServerWebExchangeMatcher requests) {
        return http
                .securityMatcher(requests)
                .authorizeExchange(ex -> ex.anyExchange().permitAll())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .build();
    }

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ProblemResponses problems,
                                               ObjectProvider<HandlerMapping> handlerMappings,
                                               PasswordSignIn signIn, SignInFailurePage signInFailed, Accounts accounts) {
        var api = new PathPatternParserServerWebExchangeMatcher("/api/**");
        // nothing an anonymous visitor does starts a session: the CSRF token and the page to return to after
        // signing in are kept in cookies; a session is made at sign-in and deleted at sign-out
        var savedRequests = new SavedRequestCookie();
        var signInPage = new RedirectServerAuthenticationEntryPoint("/login");
        signInPage.setRequestCache(savedRequests);
        // a session just ended because its account was disabled or removed: the sign-in page says so
        var disabledPage = new RedirectServerAuthenticationEntryPoint("/login?disabled");
        disabledPage.setRequestCache(savedRequests);
        return http
                .authorizeExchange(ex -> ex
                        // watching is public, claiming needs an account (checked before /live/** is let through)
                        .pathMatchers(HttpMethod.POST, "/live/*/offers/*/claim", "/api/v1/live/*/offers/*/claims").authenticated()
                        .pathMatchers(HttpMethod.POST, "/api/v1/live", "/api/v1/live/**").hasRole("PRODUCER")
                        .pathMatchers(PUBLIC_PAGES).permitAll()
                        .pathMatchers(PUBLIC_DOCS).permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/products/**", "/api/v1/locations", "/api/v1/locations/*",
                                "/api/v1/live/**", "/api/v1/verify/**").permitAll()
                        // a till proves itself with its key, checked by the sync endpoint itself (Bearer, not an account)
                        .pathMatchers(HttpMethod.POST, "/api/v1/locations/*/sync").permitAll()
                        .pathMatchers("/api/v1/cart", "/api/v1/cart/**", "/cart", "/cart/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/addresses/**").permitAll()
                        // a quote writes nothing; signed in, the shopper's flash units count
                        .pathMatchers(HttpMethod.POST, "/api/v1/orders/quote").permitAll()
                        // Stripe proves itself with the payload's signature, checked by the endpoint
                        .pathMatchers(HttpMethod.POST, "/api/v1/payments/stripe/webhook").permitAll()
                        // onboarding and accounts (issue 15): anyone may apply to sell and open a set-password link;
                        // deciding, accounts and producers are under /admin (ADMIN), members under /producer (the owner
                        // is checked by the member pages themselves)
                        .pathMatchers("/producers/apply", "/producers/apply/**", "/account/set-password/*").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/producer-applications").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/producer-applications/banks").permitAll()
                        .pathMatchers("/api/v1/pickups/**").hasRole("STAFF")
                        // complaints: opening and following one is the shopper's (someone else's order or complaint is 404, checked by
                        // the controllers); answering is the producer's (/producer/**), deciding ADMIN's (/admin/**), below
                        .pathMatchers("/orders/*/complaints", "/orders/*/complaints/**", "/api/v1/orders/*/complaints").hasRole("SHOPPER")
                        .pathMatchers("/complaints", "/complaints/**", "/api/v1/complaints", "/api/v1/complaints/**").hasRole("SHOPPER")
                        // reviews: writing one is the shopper's (someone else's order is 404, checked by Reviews); reading them is
                        // public (GET /api/v1/products/**, above); replying is the producer's, hiding ADMIN's (/producer/**, /admin/**)
                        .pathMatchers("/orders/*/lines/*/review", "/api/v1/orders/*/lines/*/review").hasRole("SHOPPER")
                        // a producer's public page (its application form, /producers/apply, is above)
                        .pathMatchers(HttpMethod.GET, "/producers/*").permitAll()
                        // money: a producer's own statements and tax files; ADMIN's commission rates, statements and payouts
                        .pathMatchers("/producer/statements", "/producer/statements/**", "/api/v1/producer/statement",
                                "/api/v1/producer/tax-withheld").hasRole("PRODUCER")
                        .pathMatchers("/admin/money", "/admin/money/**", "/api/v1/admin/money/**").hasRole("ADMIN")
                        .pathMatchers("/producer/**", "/api/v1/producer/**").hasRole("PRODUCER")
                        .pathMatchers("/council/**", "/api/v1/council/**").hasRole("COUNCIL")
                        .pathMatchers("/staff/**", "/api/v1/staff/**").hasRole("STAFF")
                        .pathMatchers("/admin/**", "/api/v1/admin/**").hasRole("ADMIN")
                        .pathMatchers(HttpMethod.POST, "/api/v1/accounts").permitAll()
                        // card payments: starting one again is the order's owner's (someone else's order is 404, checked
                        // by the controllers); card refunds are ADMIN's (/admin/refunds, /api/v1/admin/refunds, above)
                        .pathMatchers(HttpMethod.POST, "/orders/*/card-payment", "/api/v1/orders/*/card-payment").authenticated()
                        .matchers(new NoRouteMatcher(handlerMappings)).permitAll()
                        .anyExchange().authenticated())
                // form and HTTP Basic: attempts counted and locked out (429) in PostgreSQL, see PasswordSignIn
                .authenticationManager(signIn)
                // a disabled or removed account's sessions stop at their next request
                .addFilterAfter(new EnabledAccountsOnly(accounts), SecurityWebFiltersOrder.AUTHENTICATION)
                .formLogin(form -> form.loginPage("/login").authenticationFailureHandler(signInFailed)
                        .authenticationSuccessHandler(new ReturnAfterSignIn(savedRequests)))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthorized))
                .requestCache(cache -> cache.requestCache(savedRequests))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(loggedOut())
                        .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler())))
                .csrf(csrf -> csrf.csrfTokenRepository(new CsrfCookie())
                        .requireCsrfProtectionMatcher(new CsrfUnlessAuthorizationHeader())
                        .csrfTokenRequestHandler(tokenAlsoInMultipartForms())
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((exchange, e) -> api.matches(exchange)
                                .flatMap(m -> m.isMatch()
                                        ? problems.unauthorized(exchange, e)
                                        : exchange.getAttributes().containsKey(EnabledAccountsOnly.SESSION_ENDED)
                                                ? disabledPage.commence(exchange, e)
                                                : signInPage.commence(exchange, e)))
                        .accessDeniedHandler(problems::forbidden))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The default (BREACH-safe) handler, also reading {@code _csrf} from multipart forms such as image uploads. */
    private static ServerCsrfTokenRequestHandler tokenAlsoInMultipartForms() {
        var handler = new XorServerCsrfTokenRequestAttributeHandler();
        handler.setTokenFromMultipartDataEnabled(true);
        return handler;
    }

    private static RedirectServerLogoutSuccessHandler loggedOut() {
        var handler = new RedirectServerLogoutSuccessHandler();
        handler.setLogoutSuccessUrl(URI.create("/?loggedOut"));
        return handler;
    }
}

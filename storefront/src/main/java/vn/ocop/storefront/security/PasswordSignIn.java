package vn.ocop.storefront.security;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.ocop.storefront.account.Account;
import vn.ocop.storefront.account.Accounts;
import vn.ocop.storefront.account.SignInAttempts;
import vn.ocop.storefront.account.TooManySignInAttempts;

/**
 * Checks an e-mail and password, for the sign-in form and HTTP Basic alike. First the attempt is counted against
 * the account and the client address ({@link SignInAttempts}); while either is locked it fails with
 * {@link TooManySignInAttempts} and no password is hashed; afterwards it is recorded as a failure or a success. Then the password is checked with bcrypt off the event
 * loop, against the account's hash or, for an e-mail with no account, against a dummy hash made with the same
 * encoder: an unknown e-mail costs the time a known one does, so timing does not tell which addresses have
 * accounts. The signed-in principal carries no password hash (it is kept in the session).
 */
@Component
class PasswordSignIn implements ReactiveAuthenticationManager {

    private static final int LONGEST_EMAIL = 254;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final SignInAttempts attempts;
    private final Clock clock;
    private final Scheduler hashing = Schedulers.boundedElastic();
    private final String dummyHash;

    PasswordSignIn(Accounts accounts, PasswordEncoder encoder, SignInAttempts attempts, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.attempts = attempts;
        this.clock = clock;
        this.dummyHash = encoder.encode(UUID.randomUUID().toString()); // at start-up, not on an event loop
    }

    @Override
    public Mono<Authentication> authenticate(Authentication request) {
        String typed = request.getName() == null ? "" : request.getName().trim().toLowerCase(Locale.ROOT);
        String account = accountKey(typed);
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        return Mono.deferContextual(context -> Mono.just(context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
                        .map(exchange -> ClientAddress.of(exchange.getRequest())).orElse(ClientAddress.UNKNOWN)))
                .flatMap(address -> attempts.start(account, address, clock.instant())
                        .then(check(typed, password)
                                .onErrorResume(e -> settle(e, account, address).then(Mono.error(e))))
                        .flatMap(found -> attempts.succeeded(account, address).thenReturn(signedIn(found))));
    }

    /** A wrong password (or a disabled account) is a failure; any other error leaves the attempt uncounted. */
    private Mono<Void> settle(Throwable error, String account, String address) {
        return error instanceof AuthenticationException
                ? attempts.failed(account, address, clock.instant())
                : attempts.abandoned(account, address);
    }

    private Mono<Account> check(String email, String password) {
        // an e-mail no account can have (too long, control characters) is not looked up, but costs the same hash
        boolean plausible = email.length() <= LONGEST_EMAIL && email.indexOf('@') > 0 && !CONTROL.matcher(email).find();
        Mono<Optional<Account>> account = plausible
                ? accounts.findByEmail(email).map(Optional::of).defaultIfEmpty(Optional.empty())
                : Mono.just(Optional.empty());
        return account.publishOn(hashing).handle((found, sink) -> {
            // an account whose password was never set (its one-time link not used yet) costs the same and never matches
            String hash = found.map(Account::passwordHash).orElse(null);
            boolean matches = encoder.matches(password, hash == null ? dummyHash : hash) && hash != null;
            if (found.isEmpty() || !matches) {
                sink.error(new BadCredentialsException("Wrong e-mail or password"));
            } else if (!found.get().enabled()) {
                sink.error(new DisabledException("The account is disabled"));
            } else {
                sink.next(found.get());
            }
        });
    }

    private static Authentication signedIn(Account account) {
        User user = (User) User.withUsername(account.email()).password("")
                .authorities("ROLE_" + account.role().name()).build();
        var token = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        token.eraseCredentials();
        return token;
    }

    /** What attempts are counted against: the e-mail as accounts store it (trimmed, lower case), storable and never empty. */
    private static String accountKey(String email) {
        String key = CONTROL.matcher(email).replaceAll("?");
        key = key.length() > LONGEST_EMAIL ? key.substring(0, LONGEST_EMAIL) : key;
        return key.isEmpty() ? "?" : key;
    }
}

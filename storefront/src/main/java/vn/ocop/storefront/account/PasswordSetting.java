package vn.ocop.storefront.account;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sets a password through a one-time link. The link is used and the password stored in one transaction: a link
 * that was used, expired, replaced or never issued, or whose account was disabled since, is {@link LinkRefused} and
 * nothing changes. The password's rules (issue 14: 10 to 128 characters, not among the 10,000 most common, not
 * containing the e-mail's part before the @) are checked before, by the form.
 */
@Service
public class PasswordSetting {

    private final Accounts accounts;
    private final OneTimeLinks links;
    private final PasswordEncoder encoder;
    private final TransactionalOperator transactions;

    PasswordSetting(Accounts accounts, OneTimeLinks links, PasswordEncoder encoder, TransactionalOperator transactions) {
        this.accounts = accounts;
        this.links = links;
        this.encoder = encoder;
        this.transactions = transactions;
    }

    /** The account a valid link is for; {@link LinkRefused} otherwise. Uses nothing. */
    public Mono<Account> check(String token) {
        return links.look(token).flatMap(found -> found.state() != OneTimeLinks.State.VALID
                ? Mono.error(new LinkRefused(found.state()))
                : accounts.findById(found.account()).filter(Account::enabled)
                        .switchIfEmpty(Mono.error(() -> new LinkRefused(OneTimeLinks.State.UNKNOWN))));
    }

    /** Whether the password keeps clear of the account's e-mail (its part before the @). */
    public static boolean allowedFor(Account account, String password) {
        return PasswordNotInEmail.Check.allows(account.email(), password);
    }

    /** Uses the link and sets the account's password; emits the account. */
    public Mono<Account> set(String token, String rawPassword) {
        return Mono.fromCallable(() -> encoder.encode(rawPassword)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> transactions.transactional(links.use(token)
                        // not usable: say why (used, expired, unknown)
                        .switchIfEmpty(Mono.defer(() -> check(token).then(Mono.error(new LinkRefused(OneTimeLinks.State.UNKNOWN)))))
                        .flatMap(account -> accounts.setPassword(account, hash).flatMap(set -> set
                                ? accounts.findById(account)
                                : Mono.error(new LinkRefused(OneTimeLinks.State.UNKNOWN))))));
    }
}

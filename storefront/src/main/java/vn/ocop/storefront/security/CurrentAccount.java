package vn.ocop.storefront.security;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.ProducerId;
import vn.ocop.storefront.account.Account;
import vn.ocop.storefront.account.Accounts;

/** The signed-in account, and what it acts for. Controllers ask here rather than trusting ids in requests. */
@Component
public class CurrentAccount {

    private final Accounts accounts;

    CurrentAccount(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The signed-in account; empty for anonymous requests. */
    public Mono<Account> get() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(c -> c.getAuthentication())
                .flatMap(a -> accounts.findByEmail(a.getName()));
    }

    /** The producer a PRODUCER account acts for; NOT_FOUND otherwise (it owns nothing). */
    public Mono<ProducerId> producer() {
        return get().filter(a -> a.producerId() != null)
                .map(a -> new ProducerId(a.producerId()))
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("producer")));
    }
}

package vn.ocop.storefront.security;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import org.springframework.web.server.ServerWebExchange;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.rankings.CouncilScope;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.storefront.account.Account;
import vn.ocop.storefront.account.Accounts;
import vn.ocop.storefront.account.Role;

/** The signed-in account, and what it acts for. Controllers ask here rather than trusting ids in requests. */
@Component
public class CurrentAccount {

    private final Accounts accounts;

    CurrentAccount(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The signed-in account; empty for anonymous requests. Read once per request ({@link EnabledAccountsOnly}). */
    public Mono<Account> get() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(c -> c.getAuthentication())
                .flatMap(a -> Mono.deferContextual(context -> context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
                                .map(exchange -> exchange.<Account>getAttribute(EnabledAccountsOnly.ATTRIBUTE))
                                .filter(read -> read != null && read.email().equals(a.getName()))
                                .map(Mono::just)
                                .orElseGet(() -> accounts.findByEmail(a.getName()))))
                .filter(Account::enabled);
    }

    /** For whom the signed-in COUNCIL account ranks; NOT_FOUND for anyone else. */
    public Mono<CouncilScope> councilScope() {
        return get().mapNotNull(Account::council)
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("council")));
    }

    /** The location a STAFF account works at; NOT_FOUND otherwise. */
    public Mono<LocationId> staffLocation() {
        return get().filter(a -> a.role() == Role.STAFF && a.locationId() != null)
                .map(a -> new LocationId(a.locationId()))
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("location")));
    }

    /**
     * The account if it may manage that location (its till keys): an ADMIN anywhere, STAFF at their own
     * location. Anyone else gets NOT_FOUND, as if the location were not there.
     */
    public Mono<Account> managing(LocationId location) {
        return get().filter(a -> a.role() == Role.ADMIN || a.role() == Role.STAFF && location.value().equals(a.locationId()))
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("location " + location.value())));
    }

    /** The producer a PRODUCER account acts for; NOT_FOUND otherwise (it owns nothing). */
    public Mono<ProducerId> producer() {
        return get().filter(a -> a.producerId() != null)
                .map(a -> new ProducerId(a.producerId()))
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("producer")));
    }
}

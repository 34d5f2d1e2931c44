package vn.ocop.storefront.account;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.Locations;

/**
 * What ADMIN does with accounts: make STAFF accounts for an outlet and COUNCIL accounts for a province or the
 * whole country (each mailed a one-time link to set its password), list every account, disable one (it cannot sign
 * in, and its sessions end at their next request) or enable it again, and send a new link. Nobody disables their
 * own account.
 */
@Service
public class AccountAdministration {

    public static final int MAX_LISTED = 200;
    private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);

    private final Accounts accounts;
    private final Invitations invitations;
    private final AccountMails mails;
    private final Locations locations;

    AccountAdministration(Accounts accounts, Invitations invitations, AccountMails mails, Locations locations) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.mails = mails;
        this.locations = locations;
    }

    /** A STAFF account of an outlet (showroom, sales point, rest stop); the location must be one. */
    public Mono<Invited> createStaff(String email, String displayName, UUID location, String base) {
        return locations.outlet(new LocationId(location))
                .onErrorMap(CatalogException.class, e -> new InvalidAccountRequest("locationId", "not a showroom, sales point or rest stop"))
                .switchIfEmpty(Mono.error(() -> new InvalidAccountRequest("locationId", "not a showroom, sales point or rest stop")))
                .flatMap(outlet -> invitations.create(Account.staff(email, displayName.strip(), outlet.id().value()))
                        .flatMap(invitation -> mailed(mails.created(invitation, "nhân viên của " + outlet.name(), base), invitation)));
    }

    /** A COUNCIL account for {@link Account#NATIONAL} or a province as producers name it (already checked by the caller). */
    public Mono<Invited> createCouncil(String email, String displayName, String scope, String base) {
        String acts = Account.NATIONAL.equals(scope) ? "Hội đồng đánh giá OCOP Trung ương" : "Hội đồng đánh giá OCOP " + scope;
        return invitations.create(Account.council(email, displayName.strip(), scope))
                .flatMap(invitation -> mailed(mails.created(invitation, acts, base), invitation));
    }

    /** Accounts of the role (null: any) whose e-mail or name contains {@code text}, by e-mail. */
    public Flux<Account> list(Role role, String text, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_LISTED) {
            return Flux.error(new IllegalArgumentException("offset must be 0 or more and limit 1 to " + MAX_LISTED));
        }
        return accounts.matching(role, text, offset, limit);
    }

    public Mono<Long> count(Role role, String text) {
        return accounts.count(role, text);
    }

    public Mono<Account> get(UUID id) {
        return accounts.findById(id).switchIfEmpty(Mono.error(() -> AccountException.notFound(id)));
    }

    /** Disables the account; NOT_YOURSELF for the asker's own, INVALID_STATE when already disabled. */
    public Mono<Account> disable(Account asker, UUID id) {
        if (asker.id().equals(id)) {
            return Mono.error(new AccountException(AccountErrorCode.NOT_YOURSELF, "you cannot disable your own account"));
        }
        return accounts.setEnabled(id, false).switchIfEmpty(Mono.defer(() -> unchanged(id, "already disabled")));
    }

    /** Enables the account again; INVALID_STATE when it is enabled. */
    public Mono<Account> enable(UUID id) {
        return accounts.setEnabled(id, true).switchIfEmpty(Mono.defer(() -> unchanged(id, "already enabled")));
    }

    /** Mails a new one-time link to set the password (the older ones stop working); INVALID_STATE for a disabled account. */
    public Mono<Invited> renewLink(UUID id, String base) {
        return get(id)
                .filter(Account::enabled)
                .switchIfEmpty(Mono.error(() -> new AccountException(AccountErrorCode.INVALID_STATE, "account " + id + " is disabled")))
                .flatMap(invitations::renew)
                .flatMap(invitation -> mailed(mails.renewed(invitation, base), invitation));
    }

    private Mono<Account> unchanged(UUID id, String state) {
        return get(id).flatMap(a -> Mono.error(new AccountException(AccountErrorCode.INVALID_STATE, "account " + id + " is " + state)));
    }

    static Mono<Invited> mailed(Mono<Void> mail, Invitation invitation) {
        return mail.thenReturn(new Invited(invitation.account(), true)).onErrorResume(e -> {
            log.warn("Could not mail {} their link: {}", invitation.account().email(), e.toString());
            return Mono.just(new Invited(invitation.account(), false));
        });
    }
}

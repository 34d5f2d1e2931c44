package vn.ocop.storefront.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Makes accounts for people who then set their own password: the account without one, and its one-time link, in
 * one transaction (joined when the caller has one, as approving a producer does). An e-mail that already has an
 * account is {@link EmailAlreadyRegistered} and nothing is written. Mailing the link is {@link AccountMails}'s.
 */
@Service
public class Invitations {

    private final Accounts accounts;
    private final OneTimeLinks links;
    private final TransactionalOperator transactions;

    Invitations(Accounts accounts, OneTimeLinks links, TransactionalOperator transactions) {
        this.accounts = accounts;
        this.links = links;
        this.transactions = transactions;
    }

    /** Creates the account (with no password) and its link. */
    public Mono<Invitation> create(Account account) {
        return transactions.transactional(accounts.insertIfNew(account, false)
                .flatMap(inserted -> inserted ? link(account) : Mono.error(new EmailAlreadyRegistered(account.email()))));
    }

    /** Adds a member to its producer (or invites back one removed from it) with a link. */
    public Mono<Invitation> addMember(Account member) {
        return transactions.transactional(accounts.addMember(member)
                .switchIfEmpty(Mono.error(() -> new EmailAlreadyRegistered(member.email())))
                .flatMap(this::link));
    }

    /** A new link for an existing account (its older unused links stop working). */
    public Mono<Invitation> renew(Account account) {
        return transactions.transactional(link(account));
    }

    private Mono<Invitation> link(Account account) {
        return links.issue(account.id()).map(issued -> new Invitation(account, issued.token(), issued.expiresAt()));
    }
}

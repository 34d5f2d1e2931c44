package vn.ocop.storefront.account;

import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.producers.ProducerDirectory;
import vn.ocop.catalog.ProducerId;

/**
 * A producer's members ("Thành viên"): every member sees them; its owner invites one by e-mail (a one-time link to
 * set a password) and removes one, who then can no longer sign in or act (their session ends at its next request).
 * The owner cannot remove themselves. A member of another producer is NOT_FOUND; an e-mail with an account of its
 * own is {@link EmailAlreadyRegistered}, except a member this producer removed, who is invited back.
 */
@Service
public class ProducerMembers {

    private final Accounts accounts;
    private final Invitations invitations;
    private final AccountMails mails;
    private final ProducerDirectory producers;

    ProducerMembers(Accounts accounts, Invitations invitations, AccountMails mails, ProducerDirectory producers) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.mails = mails;
        this.producers = producers;
    }

    /** The members of the asker's producer, owner first; NOT_FOUND for an account that acts for none. */
    public Flux<Account> of(Account asker) {
        return producerOf(asker).flatMapMany(accounts::membersOf);
    }

    public Mono<Invited> invite(Account owner, String email, String displayName, String base) {
        return owned(owner).flatMap(producer -> invitations.addMember(Account.member(email, displayName.strip(), producer, false))
                .flatMap(invitation -> producers.find(new ProducerId(producer))
                        .flatMap(p -> AccountAdministration.mailed(mails.invited(invitation, p.name(), owner.displayName(), base), invitation))));
    }

    /** Removes a member; NOT_YOURSELF for the owner, NOT_FOUND for anyone not a current member of this producer. */
    public Mono<Account> remove(Account owner, UUID member) {
        return owned(owner).flatMap(producer -> owner.id().equals(member)
                ? Mono.error(new AccountException(AccountErrorCode.NOT_YOURSELF, "the owner cannot remove their own account"))
                : accounts.removeMember(producer, member).switchIfEmpty(Mono.error(() -> AccountException.notFound(member))));
    }

    /** Mails a member a new link to set their password; NOT_FOUND for anyone not a current member of this producer. */
    public Mono<Invited> renewLink(Account owner, UUID member, String base) {
        return owned(owner).flatMap(producer -> accounts.findById(member)
                .filter(m -> producer.equals(m.producerId()) && m.enabled())
                .switchIfEmpty(Mono.error(() -> AccountException.notFound(member)))
                .flatMap(invitations::renew)
                .flatMap(invitation -> AccountAdministration.mailed(mails.renewed(invitation, base), invitation)));
    }

    private static Mono<UUID> producerOf(Account asker) {
        return asker.producerId() == null ? Mono.error(AccountException.notFound("producer")) : Mono.just(asker.producerId());
    }

    private static Mono<UUID> owned(Account asker) {
        return producerOf(asker).filter(p -> asker.producerOwner())
                .switchIfEmpty(Mono.error(() -> new AccountException(AccountErrorCode.NOT_OWNER,
                        "only the producer's owner invites and removes members")));
    }
}

package vn.ocop.storefront.web.onboarding;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.producers.ApplicationId;
import vn.ocop.catalog.producers.ApprovedProducer;
import vn.ocop.catalog.producers.Onboarding;
import vn.ocop.catalog.producers.ProducerApplication;
import vn.ocop.catalog.producers.SubmittedApplication;
import vn.ocop.storefront.account.Account;
import vn.ocop.storefront.account.AccountMails;
import vn.ocop.storefront.account.Invitation;
import vn.ocop.storefront.account.Invitations;

/**
 * ADMIN's decisions on applications. Approving creates, in one transaction, the producer (catalog) and its owner
 * account (role PRODUCER, the application's e-mail, no password) with a one-time link; an e-mail that already has an
 * account refuses the approval (409) and nothing is written. Then the applicant is mailed the link. Rejecting
 * records the reason and mails it. A mail that cannot be sent does not undo the decision: the answer says so, and
 * ADMIN can send a new link from the accounts page.
 */
@Service
class Approvals {

    private static final Logger log = LoggerFactory.getLogger(Approvals.class);

    private final Onboarding onboarding;
    private final Invitations invitations;
    private final AccountMails mails;
    private final TransactionalOperator transactions;

    Approvals(Onboarding onboarding, Invitations invitations, AccountMails mails, TransactionalOperator transactions) {
        this.onboarding = onboarding;
        this.invitations = invitations;
        this.mails = mails;
        this.transactions = transactions;
    }

    /** What approving did: the producer, its owner account, and whether the mail with the link went out. */
    record Approval(ApprovedProducer approved, Account owner, boolean mailed) {
    }

    /** What rejecting did, and whether the applicant was told. */
    record Rejection(SubmittedApplication application, boolean mailed) {
    }

    Mono<Approval> approve(ApplicationId id, String base) {
        return transactions.transactional(onboarding.approve(id).flatMap(approved -> {
                    ProducerApplication a = approved.application().details();
                    return invitations.create(Account.member(a.email(), a.representative(), approved.producer().value(), true))
                            .map(owner -> new Approved(approved, owner));
                }))
                .flatMap(done -> mailed(mails.approved(done.owner(), done.approved().application().details().name(),
                        done.approved().application().details().representative(), base), done.owner().account().email())
                        .map(mailed -> new Approval(done.approved(), done.owner().account(), mailed)));
    }

    Mono<Rejection> reject(ApplicationId id, String reason, String base) {
        return onboarding.reject(id, reason)
                .flatMap(rejected -> mailed(mails.rejected(rejected.details().email(), rejected.details().name(),
                        rejected.decisionReason(), base), rejected.details().email())
                        .map(mailed -> new Rejection(rejected, mailed)));
    }

    private static Mono<Boolean> mailed(Mono<Void> mail, String to) {
        return mail.thenReturn(true).onErrorResume(e -> {
            log.warn("Could not mail {} about their application: {}", to, e.toString());
            return Mono.just(false);
        });
    }

    private record Approved(ApprovedProducer approved, Invitation owner) {
    }
}

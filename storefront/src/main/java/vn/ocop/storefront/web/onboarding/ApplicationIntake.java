package vn.ocop.storefront.web.onboarding;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.producers.Onboarding;
import vn.ocop.catalog.producers.ProducerApplication;
import vn.ocop.catalog.producers.SubmittedApplication;
import vn.ocop.storefront.account.Accounts;
import vn.ocop.storefront.account.EmailAlreadyRegistered;

/**
 * Takes an application in. Its e-mail becomes the owner account's, so one that already has an account is refused
 * at once (409 email-taken) rather than at approval; a tax code already registered or waiting is 409 too.
 */
@Service
class ApplicationIntake {

    private final Onboarding onboarding;
    private final Accounts accounts;

    ApplicationIntake(Onboarding onboarding, Accounts accounts) {
        this.onboarding = onboarding;
        this.accounts = accounts;
    }

    Mono<SubmittedApplication> submit(ProducerApplication application) {
        return accounts.findByEmail(application.email())
                .flatMap(taken -> Mono.<SubmittedApplication>error(new EmailAlreadyRegistered(application.email())))
                .switchIfEmpty(Mono.defer(() -> onboarding.submit(application)));
    }
}

package vn.ocop.catalog.producers;

import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.ProducerId;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Producers joining the marketplace: an application is submitted (checked as {@link ProducerApplication}), waits,
 * and is approved, which creates the producer ACTIVE with its registration, tax code and payout account and its first
 * warehouse (at the commune it applied from, so it can receive stock at once), or
 * rejected with a reason. A decision is made once: deciding a decided application is ALREADY_DECIDED. Approval is
 * one statement; run it in the caller's transaction to create the producer's accounts with it.
 */
@Service
public class Onboarding {

    public static final int MAX_LISTED = 200;

    private final ApplicationRecords applications;
    private final Clock clock;

    Onboarding(ApplicationRecords applications, Clock clock) {
        this.applications = applications;
        this.clock = clock;
        Banks.vietnam(); // read the bank list at start-up, never on a request's thread
    }

    /** Stores the application PENDING; ALREADY_REGISTERED when its tax code has a producer or a waiting application. */
    public Mono<SubmittedApplication> submit(ProducerApplication application) {
        return Mono.defer(() -> applications.insert(ApplicationId.random(), application, now()));
    }

    /** Applications with the status: waiting ones oldest first, decided ones newest decision first; at most 200. */
    public Flux<SubmittedApplication> applications(ApplicationStatus status, int limit) {
        if (limit < 1 || limit > MAX_LISTED) {
            return Flux.error(new IllegalArgumentException("limit must be 1 to " + MAX_LISTED + ": " + limit));
        }
        return applications.withStatus(status, limit);
    }

    public Mono<SubmittedApplication> application(ApplicationId id) {
        return applications.find(id).switchIfEmpty(Mono.error(() -> CatalogException.notFound("application " + id.value())));
    }

    /**
     * Approves a waiting application: the producer is created ACTIVE, with the application's kind, name, place,
     * contact, registration, tax code, representative and payout account. NOT_FOUND, ALREADY_DECIDED, or
     * ALREADY_REGISTERED when a producer got its tax code meanwhile.
     */
    public Mono<ApprovedProducer> approve(ApplicationId id) {
        ProducerId producer = new ProducerId(UUID.randomUUID());
        return Mono.defer(() -> applications.approve(id, producer, now()))
                .map(approved -> new ApprovedProducer(producer, approved))
                .switchIfEmpty(Mono.defer(() -> whyUndecidable(id)));
    }

    /** Rejects a waiting application with the reason the applicant is told (5 to 500 characters). */
    public Mono<SubmittedApplication> reject(ApplicationId id, String reason) {
        return Mono.fromSupplier(() -> reason(reason))
                .flatMap(r -> applications.reject(id, r, now()))
                .switchIfEmpty(Mono.defer(() -> whyUndecidable(id)));
    }

    private <T> Mono<T> whyUndecidable(ApplicationId id) {
        return application(id).flatMap(a -> Mono.error(new CatalogException(CatalogErrorCode.ALREADY_DECIDED,
                "application " + id.value() + " was already " + a.status().name().toLowerCase() + " on " + a.decidedAt())));
    }

    static String reason(String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.length() < 5 || r.length() > 500) {
            throw new InvalidProducerDetails("reason", "the reason must be 5 to 500 characters");
        }
        return r;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}

package vn.ocop.catalog.producers;

import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.ProducerId;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Producers as the marketplace runs them: find and list them, suspend one (its products leave sale at once, in
 * every answer and, by the catalog change rows written in the same transaction, in search) and reactivate it (they
 * return, as far as their rankings allow). Also what other modules need of a producer: its kind and payout account.
 */
@Service
public class ProducerDirectory {

    public static final int MAX_LISTED = 100;

    private final ProducerRecords producers;
    private final Clock clock;

    ProducerDirectory(ProducerRecords producers, Clock clock) {
        this.producers = producers;
        this.clock = clock;
    }

    public Mono<ProducerProfile> find(ProducerId id) {
        return producers.find(id).switchIfEmpty(Mono.error(() -> CatalogException.notFound("producer " + id.value())));
    }

    /** Producers by name whose name contains {@code text} or whose tax code it is (null: any), of the status (null: any). */
    public Flux<ProducerProfile> list(String text, ProducerStatus status, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_LISTED) {
            return Flux.error(new IllegalArgumentException("offset must be 0 or more and limit 1 to " + MAX_LISTED));
        }
        return producers.matching(blankToNull(text), status, offset, limit);
    }

    public Mono<Long> count(String text, ProducerStatus status) {
        return producers.count(blankToNull(text), status);
    }

    /** ACTIVE becomes SUSPENDED, with the reason (5 to 500 characters); INVALID_STATE when already suspended. */
    public Mono<ProducerProfile> suspend(ProducerId id, String reason) {
        return Mono.fromSupplier(() -> Onboarding.reason(reason))
                .flatMap(r -> producers.changeStatus(id, ProducerStatus.ACTIVE, ProducerStatus.SUSPENDED, r, now()))
                .switchIfEmpty(Mono.defer(() -> notIn(id, ProducerStatus.ACTIVE)));
    }

    /** SUSPENDED becomes ACTIVE again; INVALID_STATE when it is active. */
    public Mono<ProducerProfile> reactivate(ProducerId id) {
        return Mono.defer(() -> producers.changeStatus(id, ProducerStatus.SUSPENDED, ProducerStatus.ACTIVE, null, now()))
                .switchIfEmpty(Mono.defer(() -> notIn(id, ProducerStatus.SUSPENDED)));
    }

    /** Where the producer's payouts go; empty when none is on file (the demo producers). */
    public Mono<PayoutAccount> payoutAccount(ProducerId id) {
        return find(id).mapNotNull(ProducerProfile::payout);
    }

    /** The producer's legal form (household businesses have tax withheld). */
    public Mono<ProducerKind> kind(ProducerId id) {
        return find(id).map(ProducerProfile::kind);
    }

    private Mono<ProducerProfile> notIn(ProducerId id, ProducerStatus expected) {
        return find(id).flatMap(p -> Mono.error(new CatalogException(CatalogErrorCode.INVALID_STATE,
                "producer " + id.value() + " is " + p.status() + ", not " + expected)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}

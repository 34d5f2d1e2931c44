package vn.ocop.catalog.councils;

import vn.ocop.catalog.rankings.CouncilScope;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.NoticeMailer;

/**
 * Warns producers 30 days before a ranking that keeps a product on sale expires (the issuing body must warn at
 * least 30 days ahead): one notice per certification however often it runs, then one e-mail per notice to
 * producers that have an address. Safe to run on several instances at once.
 */
@Service
public class ExpiryNotices {

    public static final int DAYS_AHEAD = 30;

    private static final Logger log = LoggerFactory.getLogger(ExpiryNotices.class);

    private final Rankings rankings;
    private final NoticeStore store;
    private final ObjectProvider<NoticeMailer> mailer;
    private final Clock clock;

    ExpiryNotices(Rankings rankings, NoticeStore store, ObjectProvider<NoticeMailer> mailer, Clock clock) {
        this.rankings = rankings;
        this.store = store;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Writes the notices that are due and e-mails every notice not yet sent; emits how many notices were written. */
    public Mono<Integer> run() {
        return writeDueNotices()
                .flatMap(written -> emailUnsent().thenReturn(written));
    }

    private Mono<Integer> writeDueNotices() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return rankings.expiring(CouncilScope.NATIONAL, DAYS_AHEAD)
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(r -> store.insertOnce(r, ExpiryMessage.of(r), now))
                .reduce(0, (sum, inserted) -> sum + inserted.intValue());
    }

    private Mono<Void> emailUnsent() {
        NoticeMailer sender = mailer.getIfAvailable();
        if (sender == null) {
            return Mono.empty(); // no mailer in this application: the notices wait, unsent
        }
        return store.unsent()
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(notice -> email(notice, sender))
                .then();
    }

    private Mono<Void> email(NoticeStore.Unsent notice, NoticeMailer sender) {
        return store.claim(notice.id(), OffsetDateTime.now(clock))
                .filter(claimed -> claimed)
                .flatMap(claimed -> Mono.defer(() -> sender.send(notice.email(), ExpiryMessage.SUBJECT, ExpiryMessage.mailBody(notice.message())))
                        .onErrorResume(e -> {
                            log.warn("Could not e-mail notice {} to {}; it will be tried again: {}", notice.id(), notice.email(), e.toString());
                            return store.release(notice.id());
                        }));
    }
}

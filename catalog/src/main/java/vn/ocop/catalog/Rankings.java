package vn.ocop.catalog;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.ranking.CouncilQueries;
import vn.ocop.catalog.ranking.RankingLedger;

/**
 * What OCOP councils do: record a ranking decision (it adds to the product's history, never overwrites),
 * revoke a ranking, see which rankings end soon and find the product to rank. Every change bumps the
 * product's row version, which search relies on to keep its index in step.
 */
@Service
public class Rankings {

    public static final int MAX_DAYS_AHEAD = 365;
    public static final int MAX_PRODUCTS = 100;

    private final RankingLedger ledger;
    private final CouncilQueries queries;
    private final Catalog catalog;
    private final Clock clock;

    Rankings(RankingLedger ledger, CouncilQueries queries, Catalog catalog, Clock clock) {
        this.ledger = ledger;
        this.queries = queries;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Records the decision as a new certification of its product; NOT_FOUND when there is no such product. */
    public Mono<Ranking> record(RankingDecision decision) {
        return ledger.record(CertificationId.random(), decision, now())
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("product " + decision.productId().value())));
    }

    /**
     * Revokes the ranking from now on, with the council's reason (5 to 500 characters); NOT_FOUND when there is
     * no such ranking, INVALID_STATE when it is already revoked.
     */
    public Mono<Ranking> revoke(CertificationId id, String reason) {
        return Mono.fromSupplier(() -> revocationReason(reason))
                .flatMap(r -> ledger.revoke(id, r, now()));
    }

    public Mono<Ranking> find(CertificationId id) {
        return ledger.find(id)
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("certification " + id.value())));
    }

    /** A product's whole ranking history, newest decision first. */
    public Flux<Ranking> history(ProductId product) {
        return queries.history(product);
    }

    /** Rankings that put a product on sale today and end within {@code days} (1 to 365) days, soonest first. */
    public Flux<ExpiringRanking> expiring(int days) {
        if (days < 1 || days > MAX_DAYS_AHEAD) {
            return Flux.error(new IllegalArgumentException("days must be 1 to " + MAX_DAYS_AHEAD + ": " + days));
        }
        return Flux.defer(() -> {
            var today = catalog.today();
            return queries.expiring(today, today.plusDays(days));
        });
    }

    /** Products of any status whose name or producer's name contains {@code text} (ignoring case), by name. */
    public Flux<CouncilProduct> findProducts(String text, int limit) {
        if (limit < 1 || limit > MAX_PRODUCTS) {
            return Flux.error(new IllegalArgumentException("limit must be 1 to " + MAX_PRODUCTS + ": " + limit));
        }
        String wanted = text == null ? "" : text.strip();
        return wanted.isEmpty() ? Flux.empty() : Flux.defer(() -> queries.products(wanted, limit, catalog.today()));
    }

    /** One product as a council sees it, whatever its status; NOT_FOUND when there is none. */
    public Mono<CouncilProduct> product(ProductId id) {
        return Flux.defer(() -> queries.product(id, catalog.today())).next()
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("product " + id.value())));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String revocationReason(String reason) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.length() < 5 || trimmed.length() > 500) {
            throw new InvalidRanking(InvalidRanking.Rule.FIELD_LIMIT, "reason", "the reason must be 5 to 500 characters");
        }
        return trimmed;
    }
}

package vn.ocop.catalog.councils;

import vn.ocop.catalog.rankings.CouncilScope;
import vn.ocop.catalog.rankings.RankingLedger;
import vn.ocop.catalog.rankings.RankingDecision;
import vn.ocop.catalog.rankings.InvalidRanking;
import vn.ocop.catalog.rankings.Ranking;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.Catalog;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What OCOP councils do: record a ranking decision (it adds to the product's history, never overwrites),
 * revoke a ranking, see which rankings end soon and find the product to rank. Every change bumps the
 * product's row version, which search relies on to keep its index in step. Each call names the acting council's
 * {@link CouncilScope}: products of producers outside it are NOT_FOUND, levels beyond it OUTSIDE_MANDATE.
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

    /**
     * Records the decision as a new certification of its product; OUTSIDE_MANDATE when the council may not grant
     * its level, NOT_FOUND when there is no such product in the council's scope.
     */
    public Mono<Ranking> record(CouncilScope scope, RankingDecision decision) {
        return Mono.fromRunnable(() -> scope.checkRecording(decision))
                .then(Mono.defer(() -> ledger.record(scope, CertificationId.random(), decision, now())))
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("product " + decision.productId().value())));
    }

    /**
     * Revokes the ranking from now on, with the council's reason (5 to 500 characters); NOT_FOUND when there is
     * no such ranking in the council's scope, OUTSIDE_MANDATE for a NATIONAL ranking and a provincial council,
     * INVALID_STATE when it is already revoked.
     */
    public Mono<Ranking> revoke(CouncilScope scope, CertificationId id, String reason) {
        return Mono.fromSupplier(() -> revocationReason(reason))
                .flatMap(r -> ledger.revoke(scope, id, r, now()));
    }

    public Mono<Ranking> find(CouncilScope scope, CertificationId id) {
        return ledger.find(scope, id)
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("certification " + id.value())));
    }

    /** A product's whole ranking history, newest decision first; NOT_FOUND outside the council's scope. */
    public Flux<Ranking> history(CouncilScope scope, ProductId product) {
        return product(scope, product).thenMany(Flux.defer(() -> queries.history(product)));
    }

    /**
     * Rankings that put a product on sale today and end within {@code days} (1 to 365) days, soonest first, of the
     * producers in the council's scope ({@link CouncilScope#NATIONAL} for all of them).
     */
    public Flux<ExpiringRanking> expiring(CouncilScope scope, int days) {
        if (days < 1 || days > MAX_DAYS_AHEAD) {
            return Flux.error(new IllegalArgumentException("days must be 1 to " + MAX_DAYS_AHEAD + ": " + days));
        }
        return Flux.defer(() -> {
            var today = catalog.today();
            return queries.expiring(scope, today, today.plusDays(days));
        });
    }

    /**
     * Products of any status whose name or producer's name contains {@code text} (ignoring case), by name, of the
     * producers in the council's scope.
     */
    public Flux<CouncilProduct> findProducts(CouncilScope scope, String text, int limit) {
        if (limit < 1 || limit > MAX_PRODUCTS) {
            return Flux.error(new IllegalArgumentException("limit must be 1 to " + MAX_PRODUCTS + ": " + limit));
        }
        String wanted = text == null ? "" : text.strip();
        return wanted.isEmpty() ? Flux.empty() : Flux.defer(() -> queries.products(scope, wanted, limit, catalog.today()));
    }

    /** One product as a council sees it, whatever its status; NOT_FOUND when there is none in its scope. */
    public Mono<CouncilProduct> product(CouncilScope scope, ProductId id) {
        return Flux.defer(() -> queries.product(scope, id, catalog.today())).next()
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

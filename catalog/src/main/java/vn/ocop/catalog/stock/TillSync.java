package vn.ocop.catalog.stock;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.CatalogTime;
import vn.ocop.catalog.locations.Location;
import vn.ocop.catalog.stock.StockLedger.Outcome;
import vn.ocop.catalog.stock.TillMovementCheck.Checked;

/**
 * Applies a till's batch in one transaction: each movement once, offline sales always (flagged when they
 * drove stock below zero or sold what was no longer on sale), refusals kept; then answers, once it committed, with
 * the state the till must learn. A retried batch finds its movements already there and answers {@code DUPLICATE}.
 */
@Service
class TillSync {

    private final StockLedger ledger;
    private final StockQueries queries;
    private final TillAnswers answers;
    private final Discrepancies discrepancies;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final int maxBatch;

    TillSync(StockLedger ledger, StockQueries queries, TillAnswers answers, Discrepancies discrepancies, TransactionalOperator transactions,
             Clock clock, @Value("${ocop.sync.max-batch:500}") int maxBatch) {
        this.ledger = ledger;
        this.queries = queries;
        this.answers = answers;
        this.discrepancies = discrepancies;
        this.transactions = transactions;
        this.clock = clock;
        this.maxBatch = maxBatch;
    }

    public int maxBatch() {
        return maxBatch;
    }

    public Mono<SyncAnswer> sync(Location location, SyncBatch batch) {
        if (batch.movements().size() > maxBatch) {
            return Mono.error(new CatalogException(CatalogErrorCode.BATCH_TOO_LARGE, "a batch holds at most " + maxBatch
                    + " movements; this one has " + batch.movements().size() + ": send it in parts"));
        }
        List<UUID> products = batch.movements().stream().map(TillMovement::productId).filter(p -> p != null).distinct().toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.atZoneSameInstant(CatalogTime.ZONE).toLocalDate();
        // only the writes are in the transaction, so it holds the stock rows and the units-sold shards it moves for one
        // round trip to its commit; the products and their sale status are read before it and the answer after it
        return queries.productsOn(products, today)
                .flatMap(known -> applyChecked(location, batch, batch.movements().stream()
                        .map(new TillMovementCheck(location, known.producers(), now)::check).toList(), today, known.sellable()))
                .flatMap(done -> answer(location, batch, done));
    }

    /** What a batch did: the checked movements, and what the statement that applied them says of them. */
    private record Done(List<Checked> checked, StockLedger.Flagged flagged) {
    }

    /**
     * A batch without rejections is one statement on its own (atomic, its locks held only while it runs); rejections
     * are kept in the same transaction as the rest.
     */
    private Mono<Done> applyChecked(Location location, SyncBatch batch, List<Checked> checked, LocalDate today, Set<UUID> sellableToday) {
        boolean anyRefused = checked.stream().anyMatch(c -> c.rejection() != null);
        return sellable(checked, today, sellableToday)
                .flatMap(sellable -> anyRefused ? transactions.transactional(apply(location, batch, checked, sellable)) : apply(location, batch, checked, sellable))
                .retryWhen(Transient.RETRY);
    }

    /** The products on sale on each day that the batch's sales happened (a sale of one that was not is flagged); today's are known. */
    private Mono<Map<LocalDate, Set<UUID>>> sellable(List<Checked> checked, LocalDate today, Set<UUID> sellableToday) {
        Map<LocalDate, List<UUID>> sold = checked.stream().filter(c -> c.movement() != null && c.movement().type() == MovementType.SALE)
                .collect(Collectors.groupingBy(c -> day(c.movement().occurredAt()), Collectors.mapping(c -> c.movement().product().value(),
                        Collectors.toList())));
        return Flux.fromIterable(sold.entrySet())
                .concatMap(day -> (day.getKey().equals(today) ? Mono.just(sellableToday)
                        : queries.sellableOn(day.getKey(), day.getValue().stream().distinct().toList())).map(ids -> Map.entry(day.getKey(), ids)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<Done> apply(Location location, SyncBatch batch, List<Checked> checked, Map<LocalDate, Set<UUID>> sellable) {
        var recorder = new StockLedger.Recorder("till " + batch.key().label() + " (" + batch.key().id() + ")", batch.deviceId());
        List<Movement> movements = checked.stream().filter(c -> c.movement() != null).map(Checked::movement).toList();
        Set<UUID> unsellable = movements.stream().filter(m -> m.type() == MovementType.SALE)
                .filter(m -> !sellable.getOrDefault(day(m.occurredAt()), Set.of()).contains(m.product().value()))
                .map(Movement::id).collect(Collectors.toSet());
        return Flux.fromIterable(checked.stream().filter(c -> c.rejection() != null).toList())
                .concatMap(c -> discrepancies.reject(location.id(), batch.deviceId(), c.sent(), c.rejection().name()))
                .then(ledger.addAll(location.id(), movements, recorder, unsellable))
                .map(flagged -> new Done(checked, flagged));
    }

    /** The batch's flags and the lot flags the trigger raised on its new sales, by movement id. */
    private static Map<UUID, List<String>> withLotFlags(Map<UUID, List<String>> flags, Map<UUID, List<String>> lots) {
        Map<UUID, List<String>> all = new java.util.HashMap<>(flags);
        lots.forEach((id, reasons) -> all.merge(id, reasons,
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).sorted().toList()));
        return all;
    }

    private static Map<UUID, List<Discrepancy.Reason>> reasons(Map<UUID, List<String>> flags) {
        Map<UUID, List<Discrepancy.Reason>> reasons = new java.util.HashMap<>();
        flags.forEach((id, names) -> reasons.put(id, names.stream().map(Discrepancy.Reason::valueOf).toList()));
        return reasons;
    }

    /** Every applied or duplicate movement has an entry; a missing one means "not applied in this batch". */
    private static Map<UUID, List<Discrepancy.Reason>> withDuplicates(List<Outcome> outcomes, Map<UUID, List<Discrepancy.Reason>> flags) {
        Map<UUID, List<Discrepancy.Reason>> all = new java.util.HashMap<>(flags);
        outcomes.stream().filter(Outcome::applied).forEach(o -> all.putIfAbsent(o.movement().id(), List.of()));
        return all;
    }

    private static List<MovementResult> results(List<Checked> checked, Map<UUID, List<Discrepancy.Reason>> applied) {
        Set<UUID> answered = new java.util.HashSet<>();
        return checked.stream().map(c -> {
            if (c.rejection() != null) {
                return MovementResult.rejected(c.sent().id(), c.rejection());
            }
            List<Discrepancy.Reason> flags = applied.get(c.sent().id());
            return flags != null && answered.add(c.sent().id())
                    ? new MovementResult(c.sent().id(), MovementResult.Status.APPLIED, null, flags)
                    : new MovementResult(c.sent().id(), MovementResult.Status.DUPLICATE, null, List.of());
        }).toList();
    }

    /**
     * The state the till must learn, read in one statement after the batch committed ({@link TillAnswers}), with the lot
     * flags of its new sales.
     */
    private Mono<SyncAnswer> answer(Location location, SyncBatch batch, Done done) {
        LocalDate today = LocalDate.now(clock.withZone(CatalogTime.ZONE));
        StockLedger.Flagged flagged = done.flagged();
        List<UUID> sales = flagged.outcomes().stream().filter(o -> o.applied() && o.movement().type() == MovementType.SALE)
                .map(o -> o.movement().id()).distinct().toList();
        return answers.read(location.id(), TillVersion.parse(batch.sinceVersion()), today, sales)
                .map(read -> new SyncAnswer(location.id(), new TillVersion(today, read.version()).token(),
                        results(done.checked(), withDuplicates(flagged.outcomes(), reasons(withLotFlags(flagged.flags(), read.lotFlags())))),
                        read.stock(), read.pickups(), read.changes(), read.recalled(), flagged.sales()));
    }

    private LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(CatalogTime.ZONE).toLocalDate();
    }
}

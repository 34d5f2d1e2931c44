package vn.ocop.orders.money;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogTime;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.stock.TillSale;
import vn.ocop.catalog.stock.TillSales;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.Holder;
import vn.ocop.orders.MoneyEvent;
import vn.ocop.orders.MoneyKind;
import vn.ocop.orders.SalesChannel;

/**
 * Till sales into the ledger: right after each sync batch (the sales its statement returned, or read by movement id
 * through the catalog's {@link TillSales} facade), and by a catch-up that reads every sale applied since its cursor
 * less a margin, so a crash between a batch and its recording, or a batch that committed late, loses nothing. Either
 * may run any number of times: a sale's ledger id derives from its movement id. A sale at an outlet is the outlet's
 * money to hold (on consignment); at a producer's own warehouse, the producer's.
 */
@Component
public class TillMoney {

    static final String CURSOR = "catalog.till-sales";
    /** Re-read this far before the cursor: longer than any sync batch's transaction can take to commit. */
    static final Duration MARGIN = Duration.ofHours(1);
    static final int PAGE = 500;

    private final TillSales sales;
    private final MoneyRows ledger;
    private final DatabaseClient db;

    TillMoney(TillSales sales, MoneyRows ledger, DatabaseClient db) {
        this.sales = sales;
        this.ledger = ledger;
        this.db = db;
    }

    /** Records the sales among these just-synced movements; answers how many were new to the ledger. */
    public Mono<Long> record(Collection<UUID> movementIds) {
        return sales.of(movementIds).collectList().flatMap(this::append);
    }

    /** Records these sales, as the batch that applied them answered them (nothing read again); answers how many were new. */
    public Mono<Long> recordApplied(List<TillSale> applied) {
        return append(applied);
    }

    /** Records every sale applied since the cursor (less the margin), page by page; answers how many were new. */
    public Mono<Long> catchUp() {
        return cursor().flatMap(since -> page(since, 0L));
    }

    private Mono<Long> page(OffsetDateTime since, long recorded) {
        return sales.appliedSince(since, PAGE).collectList().flatMap(page -> {
            if (page.isEmpty()) {
                return Mono.just(recorded);
            }
            OffsetDateTime last = page.get(page.size() - 1).appliedAt();
            Mono<Long> done = append(page).flatMap(n -> advance(last).thenReturn(recorded + n));
            // a full page that did not move past its start would be read again forever: the next run goes on
            return page.size() < PAGE || !last.isAfter(since) ? done : done.flatMap(n -> page(last, n));
        });
    }

    private Mono<Long> append(List<TillSale> page) {
        return ledger.append(page.stream().filter(s -> s.total().dong() > 0).map(TillMoney::event).toList(), "till sync");
    }

    static MoneyEvent event(TillSale s) {
        Holder holder = s.locationKind() == LocationKind.WAREHOUSE ? Holder.PRODUCER : Holder.showroom(s.location());
        Vnd total = s.total();
        return new MoneyEvent(MoneyIds.of(MoneyKind.TILL_SALE + ":" + s.movementId()), MoneyKind.TILL_SALE, s.producer(), null, null,
                s.movementId(), SalesChannel.TILL, s.location(), s.group(), total, new Vnd(0), total, holder,
                s.occurredAt().atZoneSameInstant(CatalogTime.ZONE).toLocalDate(), s.occurredAt(),
                shortened(s.quantity() + " × " + s.productName()), null);
    }

    private static String shortened(String reference) {
        return reference.length() <= 200 ? reference : reference.substring(0, 199) + "…";
    }

    private Mono<OffsetDateTime> cursor() {
        return db.sql("select applied_at from money_import_cursor where source = :source")
                .bind("source", CURSOR)
                .map((row, md) -> row.get("applied_at", OffsetDateTime.class).minus(MARGIN))
                .one()
                .defaultIfEmpty(OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    private Mono<Void> advance(OffsetDateTime to) {
        return db.sql("""
                        insert into money_import_cursor (source, applied_at) values (:source, :to)
                        on conflict (source) do update set applied_at = greatest(money_import_cursor.applied_at, excluded.applied_at)""")
                .bind("source", CURSOR)
                .bind("to", to)
                .then();
    }
}

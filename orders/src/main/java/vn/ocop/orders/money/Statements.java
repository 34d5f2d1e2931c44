package vn.ocop.orders.money;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogTime;
import vn.ocop.catalog.ProducerId;
import vn.ocop.orders.Holder;
import vn.ocop.orders.InvalidMoneyRequest;
import vn.ocop.orders.MoneyEvent;
import vn.ocop.orders.ProducerBalance;
import vn.ocop.orders.Statement;
import vn.ocop.orders.TaxWithheld;

/** Statements, tax files and balances, each a query over the ledger priced by the rates in force on each row's day. */
@Component
public class Statements {

    /** The longest period one statement covers. */
    public static final int MAX_DAYS = 366;
    /** Later than anything the ledger holds: "everything until now and after". */
    private static final OffsetDateTime EVER = OffsetDateTime.of(3000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final MoneyRows ledger;
    private final RateRows rates;
    private final TaxSettings tax;
    private final Parties parties;

    Statements(MoneyRows ledger, RateRows rates, TaxSettings tax, Parties parties) {
        this.ledger = ledger;
        this.rates = rates;
        this.tax = tax;
        this.parties = parties;
    }

    /** Today in Asia/Ho_Chi_Minh. */
    public LocalDate today() {
        return parties.today();
    }

    /** The producer's statement for the days {@code from} to {@code to} (at most {@value #MAX_DAYS} days). */
    public Mono<Statement> statement(ProducerId producer, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            return Mono.error(InvalidMoneyRequest.of("to", "a statement covers 1 to " + MAX_DAYS + " days: from a day to the same day or later"));
        }
        OffsetDateTime end = to.plusDays(1).atStartOfDay(CatalogTime.ZONE).toOffsetDateTime();
        return parties.producer(producer).flatMap(p -> ledger.ofProducer(producer, end).collectList()
                .flatMap(events -> Mono.zip(rates.book(), parties.names(events))
                        .map(t -> new StatementMaker(t.getT1(), tax, t.getT2()).make(p, events, from, to))));
    }

    /** What the marketplace withheld for a household producer in that month, line by line (none for other producers). */
    public Mono<TaxWithheld> taxWithheld(ProducerId producer, YearMonth month) {
        OffsetDateTime start = month.atDay(1).atStartOfDay(CatalogTime.ZONE).toOffsetDateTime();
        OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(CatalogTime.ZONE).toOffsetDateTime();
        return parties.producer(producer).flatMap(p -> Mono.zip(ledger.ofProducer(producer, end).collectList(), rates.book())
                .map(t -> new TaxWithheld(producer, p.name(), month, new StatementMaker(t.getT2(), tax, java.util.Map.of())
                        .priced(p, t.getT1()).stream()
                        .filter(x -> !x.event().occurredAt().isBefore(start) && (x.vat() != 0 || x.pit() != 0))
                        .map(Statements::taxLine)
                        .toList())));
    }

    /** What {@code party} owes the producer now, over every row there is (below zero: what the producer owes it). */
    public Mono<Long> owedBy(ProducerId producer, Holder party) {
        return parties.producer(producer).flatMap(p -> Mono.zip(ledger.ofProducer(producer, EVER).collectList(), rates.book())
                .map(t -> new StatementMaker(t.getT2(), tax, java.util.Map.of()).priced(p, t.getT1()).stream()
                        .mapToLong(x -> x.owedBy(party)).sum()));
    }

    /** Every producer with money in the ledger and what the marketplace owes it now. */
    public Mono<List<ProducerBalance>> owedToEveryProducer() {
        return ledger.producers().collectList()
                .flatMapMany(parties::producers)
                .concatMap(p -> owedBy(p.id(), Holder.MARKETPLACE).map(owed -> new ProducerBalance(p, owed)))
                .collectList();
    }

    private static TaxWithheld.Line taxLine(Pricing p) {
        MoneyEvent e = p.event();
        return new TaxWithheld.Line(e.occurredAt().atZoneSameInstant(CatalogTime.ZONE).toLocalDate(), e.id(), e.kind(), e.reference(),
                p.amount(), p.vatRate(), p.vat(), p.pitRate(), p.pit());
    }
}

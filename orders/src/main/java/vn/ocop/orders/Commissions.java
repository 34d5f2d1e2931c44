package vn.ocop.orders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.orders.money.Parties;
import vn.ocop.orders.money.RateRows;

/**
 * Commission rates (ADMIN): the marketplace's percentage of online sales per OCOP group and each outlet's
 * consignment percentage of its tills' sales. A rate applies from the day it is set (or a later day chosen), to every
 * sale of that day on; a rate is never changed or deleted, a new one takes over, so the history stays and a past
 * statement never changes.
 */
@Service
public class Commissions {

    /** How far ahead a rate may be set. */
    static final int MAX_DAYS_AHEAD = 366;

    private final RateRows rows;
    private final Parties parties;
    private final Clock clock;

    Commissions(RateRows rows, Parties parties, Clock clock) {
        this.rows = rows;
        this.parties = parties;
        this.clock = clock;
    }

    /** Every rate ever set, the latest day first. */
    public Flux<CommissionRate> history() {
        return rows.all();
    }

    /** The rate in force today for each group and outlet that has one. */
    public Mono<List<CommissionRate>> inForce() {
        return rows.book().map(book -> book.inForce(parties.today()));
    }

    /** Sets a rate from its day (today when none is given; never a day before today, nor more than a year ahead). */
    public Mono<CommissionRate> set(CommissionChange change, String by) {
        LocalDate today = parties.today();
        LocalDate from = change.effectiveFrom() == null ? today : change.effectiveFrom();
        if (from.isBefore(today) || from.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            return Mono.error(InvalidMoneyRequest.of("effectiveFrom", "a rate applies from today (" + today + ") or a later day within a year; "
                    + "the past is never repriced"));
        }
        CommissionRate rate = new CommissionRate(UUID.randomUUID(), change.scope(), change.group(), change.location(), change.percent(), from,
                by, OffsetDateTime.now(clock));
        Mono<Void> outlet = change.location() == null ? Mono.empty() : parties.location(change.location())
                .filter(l -> l.kind() != LocationKind.WAREHOUSE)
                .onErrorResume(e -> Mono.empty())
                .switchIfEmpty(Mono.error(() -> InvalidMoneyRequest.of("locationId", "a consignment share is set for an outlet: a showroom, sales point or highway stop")))
                .then();
        return outlet.then(rows.add(rate)).thenReturn(rate);
    }
}

package vn.ocop.orders;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.lifecycle.Moves;
import vn.ocop.orders.lifecycle.OrderQueries;
import vn.ocop.orders.lifecycle.PickupAttempts;

/**
 * Orders collected at an outlet, as its staff see and hand them over ({@link PickupTask}: no pickup code, no
 * e-mail). Staff make ready the parts the showroom holds on consignment, find an order by the code the shopper
 * reads out, take the payment due at pickup and hand the order over once every part is ready. Ten wrong codes
 * at one location within ten minutes and further attempts are refused (TOO_MANY_ATTEMPTS) for a while.
 */
@Service
public class Pickups {

    private final Moves moves;
    private final OrderQueries queries;
    private final PickupAttempts attempts;
    private final OrderNotices notices;
    private final Clock clock;

    Pickups(Moves moves, OrderQueries queries, PickupAttempts attempts, OrderNotices notices, Clock clock) {
        this.moves = moves;
        this.queries = queries;
        this.attempts = attempts;
        this.notices = notices;
        this.clock = clock;
    }

    /** What waits at the location, soonest deadline first. */
    public Flux<PickupTask> at(LocationId location) {
        return queries.pickupsAt(location).concatMap(moves::read).map(PickupTask::of);
    }

    /** The order waiting here with that code; a wrong code counts against the location's attempts. */
    public Mono<PickupTask> find(LocationId location, String code) {
        return byCode(location, code).flatMap(moves::read).map(PickupTask::of);
    }

    /** The showroom has the goods of that part (consignment): it is ready for pickup. */
    public Mono<PickupTask> markReady(LocationId location, UUID fulfilment, String by) {
        return queries.orderAt(location, fulfilment)
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "no such part of an order waits here")))
                .flatMap(order -> moves.move(order, (o, at) -> o.markReadyForPickup(fulfilment, Actor.staff(by), at), by))
                .flatMap(moved -> notices.changed(moved.before().status(), moved.after()))
                .map(PickupTask::of);
    }

    /**
     * Hands the order with that code over: every part must be ready (INVALID_STATE otherwise); paying at pickup,
     * {@code method} and {@code amount} record what was taken and must be what is due (AMOUNT_MISMATCH otherwise).
     */
    public Mono<PickupTask> handOver(LocationId location, String code, MoneyTaken.Method method, Vnd amount, String by) {
        return byCode(location, code)
                .flatMap(order -> moves.move(order, (o, at) -> o.handOver(method, amount, Actor.staff(by), at), by))
                .flatMap(moved -> notices.changed(moved.before().status(), moved.after()))
                .map(PickupTask::of);
    }

    private Mono<OrderId> byCode(LocationId location, String code) {
        String normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return attempts.check(location, now)
                .then(normalised.isEmpty() || normalised.length() > 12 ? Mono.<OrderId>empty() : queries.byPickupCode(location, normalised))
                .switchIfEmpty(Mono.defer(() -> attempts.failed(location, now)
                        .then(Mono.error(new OrdersException(OrdersErrorCode.NOT_FOUND, "no order to collect here with code " + normalised)))));
    }
}

package vn.ocop.orders;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.CheckedImage;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.complaint.ComplaintRows;
import vn.ocop.orders.lifecycle.Moves;

/**
 * Complaints about order lines (E-commerce Law 122/2025/QH15), the rules in {@link Complaint}. The shopper opens
 * one on a line of their own order delivered or collected within 7 days, and accepts the producer's offer or
 * escalates it; the producer of the line offers a refund or disputes; ADMIN decides disputed and escalated ones.
 * Someone else's order or complaint is NOT_FOUND. Once resolved, the refund goes back (card: through Stripe, keyed
 * by the complaint; otherwise owed by who holds the money until marked paid back: {@link ComplaintSettlement#refundDecided})
 * and goods sent back are received (RECEIPT). Each change e-mails the shopper.
 */
@Service
public class Complaints {

    private final ComplaintRows rows;
    private final Moves moves;
    private final ComplaintChecks checks;
    private final ComplaintSettlement settlement;

    Complaints(ComplaintRows rows, Moves moves, ComplaintChecks checks, ComplaintSettlement settlement) {
        this.rows = rows;
        this.moves = moves;
        this.checks = checks;
        this.settlement = settlement;
    }

    /** Opens a complaint on line {@code line} of the shopper's order with up to 3 photos (each checked like listing images). */
    public Mono<Complaint> open(UUID account, OrderId orderId, int line, ComplaintReason reason, String text, List<byte[]> photos, String by) {
        return ownOrder(account, orderId).flatMap(order -> {
            Complaint c = Complaint.open(ComplaintId.random(), order, line, reason, text, photos.size(), by, checks.now());
            return checks.photos(photos).flatMap(checked -> rows.insert(c, checked))
                    .flatMap(saved -> settlement.after(saved, saved, order));
        });
    }

    /** The order's lines a complaint may be opened on now: delivered or collected within 7 days, without one yet. */
    public Mono<List<Integer>> eligibleLines(Order order) {
        return rows.ofOrder(order.id()).map(Complaint::line).collectList().map(taken -> order.lines().stream().filter(Order.Line::open).map(Order.Line::number)
                .filter(n -> !taken.contains(n)).filter(n -> opens(order, n)).toList());
    }

    public Flux<Complaint> ofOrder(UUID account, OrderId order) {
        return rows.ofOrder(order).filter(c -> c.account().equals(account));
    }

    public Flux<Complaint> mine(UUID account) {
        return rows.ofAccount(account);
    }

    public Mono<Complaint> mine(UUID account, ComplaintId id) {
        return find(id, c -> c.account().equals(account));
    }

    public Mono<Complaint> acceptOffer(UUID account, ComplaintId id, String by) {
        return move(id, c -> c.account().equals(account), c -> c.acceptOffer(by, checks.now()));
    }

    public Mono<Complaint> escalate(UUID account, ComplaintId id, String text, String by) {
        return move(id, c -> c.account().equals(account), c -> c.escalate(text, by, checks.now()));
    }

    public Flux<Complaint> ofProducer(ProducerId producer) {
        return rows.ofProducer(producer);
    }

    public Mono<Complaint> ofProducer(ProducerId producer, ComplaintId id) {
        return find(id, c -> c.producer().equals(producer));
    }

    /** The producer offers {@code amount} back, optionally asking for the goods back at one of its own locations. */
    public Mono<Complaint> offer(ProducerId producer, ComplaintId id, Vnd amount, LocationId returnTo, String text, String by) {
        return checks.producersOwn(producer, returnTo).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(to -> move(id, c -> c.producer().equals(producer), c -> c.offer(amount, to.orElse(null), text, by, checks.now())));
    }

    public Mono<Complaint> dispute(ProducerId producer, ComplaintId id, String text, String by) {
        return move(id, c -> c.producer().equals(producer), c -> c.dispute(text, by, checks.now()));
    }

    /** The producer paid back the cash it collected on delivery. */
    public Mono<Complaint> paidBackByProducer(ProducerId producer, ComplaintId id, String by) {
        return move(id, c -> c.producer().equals(producer), c -> {
            if (c.via() != RefundVia.PRODUCER) {
                throw new OrdersException(OrdersErrorCode.INVALID_STATE, "this refund is not the producer's to pay back");
            }
            return c.markPaidBack(Complaint.Party.PRODUCER, by, checks.now());
        });
    }

    /** Disputed and escalated complaints, longest waiting first. */
    public Flux<Complaint> forAdmin() {
        return rows.forAdmin();
    }

    public Mono<Complaint> get(ComplaintId id) {
        return find(id, c -> true);
    }

    /** ADMIN decides: {@code amount} back (0 rejects), why, and where the goods go back to, if they do. */
    public Mono<Complaint> decide(ComplaintId id, Vnd amount, String why, LocationId returnTo, String by) {
        return checks.existing(returnTo).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(to -> move(id, c -> true, c -> c.decide(amount, why, to.orElse(null), by, checks.now())));
    }

    /** ADMIN records a refund owed by a producer or a showroom as paid back. */
    public Mono<Complaint> paidBack(ComplaintId id, String by) {
        return move(id, c -> true, c -> c.markPaidBack(Complaint.Party.ADMIN, by, checks.now()));
    }

    /** Settles a resolved complaint again (a card refund Stripe could not take, goods not yet received): each happens once. */
    public Mono<Complaint> settle(ComplaintId id) {
        return get(id).flatMap(c -> moves.read(c.order()).flatMap(order -> settlement.settle(c, order)).then(rows.byId(id)));
    }

    /** A photo of a complaint the reader may see (see {@link #mine}, {@link #ofProducer(ProducerId, ComplaintId)}, {@link #get}). */
    public Mono<CheckedImage> photo(Complaint c, int position) {
        return rows.photo(c.id(), position).switchIfEmpty(Mono.error(() -> notFound(c.id())));
    }

    public Mono<Integer> photoCount(ComplaintId id) {
        return rows.photoCount(id);
    }

    private boolean opens(Order order, int line) {
        try {
            Complaint.open(ComplaintId.random(), order, line, ComplaintReason.DAMAGED, "xxxxxxxxxx", 0, "check", checks.now());
            return true;
        } catch (OrdersException refused) {
            return false;
        }
    }

    private Mono<Complaint> move(ComplaintId id, Predicate<Complaint> readable, Function<Complaint, Complaint> step) {
        return find(id, readable).flatMap(before -> {
            Complaint after = step.apply(before);
            return rows.update(before, after).flatMap(saved -> moves.read(saved.order()).flatMap(order -> settlement.after(before, saved, order)));
        });
    }

    private Mono<Complaint> find(ComplaintId id, Predicate<Complaint> readable) {
        return rows.byId(id).filter(readable).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    private Mono<Order> ownOrder(UUID account, OrderId id) {
        return moves.read(id).filter(o -> o.account().equals(account))
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "order " + id.value() + " not found")));
    }

    private static OrdersException notFound(ComplaintId id) {
        return new OrdersException(OrdersErrorCode.NOT_FOUND, "complaint " + id.value() + " not found");
    }
}

package vn.ocop.orders.money;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogTime;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.Fulfilment;
import vn.ocop.orders.Holder;
import vn.ocop.orders.MoneyEvent;
import vn.ocop.orders.MoneyKind;
import vn.ocop.orders.Order;
import vn.ocop.orders.PaymentMethod;
import vn.ocop.orders.SalesChannel;

/**
 * The money an order's move took, recorded in the move's own transaction: the card payment arriving (one CARD_PAID
 * per parcel, held by the marketplace), cash collected on delivery (COD_COLLECTED, held by the producer) or taken at
 * pickup (PICKUP_PAID, held by the outlet that handed the order over). A parcel whose lines are of several OCOP
 * groups gives one row per group, since commission differs by group; its shipping fee rides on the first group's.
 */
@Component
public class OrderMoney {

    private final MoneyRows ledger;
    private final Catalog catalog;
    private final Locations locations;

    OrderMoney(MoneyRows ledger, Catalog catalog, Locations locations) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.locations = locations;
    }

    /** Records what the move from {@code before} to {@code after} took; nothing when it took no money. */
    public Mono<Void> record(Order before, Order after, String by) {
        if (!takesMoney(before, after)) {
            return Mono.empty();
        }
        Set<ProductId> products = after.lines().stream().map(Order.Line::product).collect(Collectors.toSet());
        return Mono.zip(catalog.groupsOf(products), outlets(after))
                .map(t -> events(before, after, t.getT1(), f -> t.getT2().contains(f.location().value()) ? Holder.showroom(f.location()) : Holder.PRODUCER))
                .flatMap(events -> ledger.append(events, by))
                .then();
    }

    /** The events of a move, given each product's group and who holds cash taken for a parcel at pickup. */
    static List<MoneyEvent> events(Order before, Order after, Map<ProductId, OcopGroup> groups, Function<Fulfilment, Holder> pickupHolder) {
        List<MoneyEvent> events = new ArrayList<>();
        if (before.paidAt() == null && after.paidAt() != null && after.payment() == PaymentMethod.CARD) {
            after.fulfilments().forEach(f -> events.addAll(parcel(MoneyKind.CARD_PAID, after, f, groups, Holder.MARKETPLACE, after.paidAt())));
        }
        for (Fulfilment f : after.fulfilments()) {
            boolean takenNow = f.taken() != null && before.fulfilment(f.id()).map(b -> b.taken() == null).orElse(true);
            if (takenNow && after.payment() == PaymentMethod.COD) {
                events.addAll(parcel(MoneyKind.COD_COLLECTED, after, f, groups, Holder.PRODUCER, f.taken().at()));
            } else if (takenNow && after.payment() == PaymentMethod.PAY_AT_PICKUP) {
                events.addAll(parcel(MoneyKind.PICKUP_PAID, after, f, groups, pickupHolder.apply(f), f.taken().at()));
            }
        }
        return events;
    }

    private static boolean takesMoney(Order before, Order after) {
        return before.paidAt() == null && after.paidAt() != null
                || after.fulfilments().stream().anyMatch(f -> f.taken() != null && before.fulfilment(f.id()).map(b -> b.taken() == null).orElse(true));
    }

    /** Outlets among the order's locations: cash taken there is the outlet's to hold; at a producer's own warehouse, the producer's. */
    private Mono<Set<java.util.UUID>> outlets(Order order) {
        if (!order.pickup()) {
            return Mono.just(Set.of());
        }
        return Flux.fromIterable(order.fulfilments()).map(Fulfilment::location).distinct()
                .concatMap(locations::get)
                .filter(l -> l.kind() != LocationKind.WAREHOUSE)
                .map(l -> l.id().value())
                .collect(Collectors.toSet());
    }

    private static List<MoneyEvent> parcel(MoneyKind kind, Order order, Fulfilment f, Map<ProductId, OcopGroup> groups, Holder holder,
                                           OffsetDateTime at) {
        Map<OcopGroup, Long> goods = new EnumMap<>(OcopGroup.class);
        // a card pays for every line when it arrives (a line is cancelled alone only once paid, and refunded then);
        // cash is taken for what is handed over: the open lines
        for (Order.Line line : kind == MoneyKind.CARD_PAID ? f.lines() : f.openLines()) {
            // products are never deleted; were one missing, recording the money under FOOD beats refusing the payment
            OcopGroup group = groups.getOrDefault(line.product(), OcopGroup.FOOD);
            goods.merge(group, line.total().dong(), Math::addExact);
        }
        SalesChannel channel = order.pickup() ? SalesChannel.ONLINE_PICKUP : SalesChannel.ONLINE_DELIVERY;
        List<MoneyEvent> events = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<OcopGroup, Long> g : goods.entrySet()) {
            Vnd shipping = first ? f.shipping() : new Vnd(0);
            first = false;
            String source = kind + ":" + order.id().value() + ":" + f.id() + ":" + g.getKey();
            events.add(new MoneyEvent(MoneyIds.of(source), kind, f.producer(), order.id(), f.id(), null, channel, f.location(), g.getKey(),
                    new Vnd(g.getValue()), shipping, new Vnd(g.getValue()).plus(shipping), holder,
                    at.atZoneSameInstant(CatalogTime.ZONE).toLocalDate(), at, order.code(), null));
        }
        return events;
    }
}

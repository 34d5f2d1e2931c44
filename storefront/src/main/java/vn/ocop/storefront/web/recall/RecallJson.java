package vn.ocop.storefront.web.recall;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.lots.Recall;
import vn.ocop.orders.LotRecallOutcome;
import vn.ocop.orders.RecallNotice;
import vn.ocop.orders.RecallReach;

/**
 * A recall's answer: the lot as recalled; reservations of it moved to another lot ({@code swapped}), those no other lot
 * could cover ({@code unswapped}: still set aside of the recalled lot when the recall answered, e.g. a live offer's
 * pool; an order's part is cancelled and listed in {@code orders}), units handed over or shipped ({@code received}); and
 * each order it reached with what it did there. References are the ledger's ({@code order:<id>}, {@code live:<event>}).
 */
record RecallJson(LotJson lot, List<HoldingJson> swapped, List<HoldingJson> unswapped, List<HoldingJson> received, List<OrderJson> orders) {

    record LotJson(UUID id, UUID productId, String productName, String code, LocalDate producedOn, LocalDate useBy,
                   OffsetDateTime recalledAt, String recallReason) {
    }

    record HoldingJson(String reference, UUID locationId, UUID productId, int quantity) {
        static HoldingJson of(Recall.Holding h) {
            return new HoldingJson(h.reference(), h.location().value(), h.product().value(), h.quantity());
        }
    }

    record OrderJson(UUID orderId, boolean received, boolean swapped, boolean cancelled) {
        static OrderJson of(RecallNotice n) {
            return new OrderJson(n.order().value(), n.received(), n.swapped(), n.cancelled());
        }
    }

    /**
     * The council's answer: the same lot and what the recall did, without whose orders: holdings say only where, how many
     * and what holds them ({@code ORDER}, {@code LIVE_OFFER}), and the orders reached are counted. A council ranks products;
     * shoppers' orders are the producer's and the marketplace's business.
     */
    record ForCouncil(LotJson lot, List<PlaceJson> swapped, List<PlaceJson> unswapped, List<PlaceJson> received, ReachedJson orders) {

        static ForCouncil of(LotRecallOutcome o) {
            RecallJson all = RecallJson.of(o);
            Recall r = o.recall();
            RecallReach reach = RecallReach.of(o.orders());
            return new ForCouncil(all.lot(), r.swapped().stream().map(PlaceJson::of).toList(), r.unswapped().stream().map(PlaceJson::of).toList(),
                    r.received().stream().map(PlaceJson::of).toList(),
                    new ReachedJson(reach.orders(), reach.received(), reach.swapped(), reach.cancelled()));
        }
    }

    record PlaceJson(UUID locationId, UUID productId, String heldBy, int quantity) {
        static PlaceJson of(Recall.Holding h) {
            String heldBy = h.reference() == null ? "OTHER" : h.reference().startsWith("order:") ? "ORDER" : h.reference().startsWith("live:") ? "LIVE_OFFER" : "OTHER";
            return new PlaceJson(h.location().value(), h.product().value(), heldBy, h.quantity());
        }
    }

    record ReachedJson(int count, long received, long swapped, long cancelled) {
    }

    static RecallJson of(LotRecallOutcome o) {
        Recall r = o.recall();
        var l = r.lot();
        return new RecallJson(new LotJson(l.id().value(), l.product().value(), l.productName(), l.code(), l.producedOn(), l.useBy(),
                l.recalledAt(), l.recallReason()),
                r.swapped().stream().map(HoldingJson::of).toList(), r.unswapped().stream().map(HoldingJson::of).toList(),
                r.received().stream().map(HoldingJson::of).toList(), o.orders().stream().map(OrderJson::of).toList());
    }
}

package vn.ocop.orders;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.Vnd;

/**
 * One row of the money ledger: one event that moved money for one producer, recorded once under an id derived
 * from its source (an order's parcel and OCOP group, a Stripe refund, a till's movement, a payout).
 *
 * <p>A sale or refund carries where and how it was sold ({@code channel}, {@code location}: the parcel's ship-from or
 * pickup location, or the till's), the OCOP group of its goods, the goods and the shipping fee it covers
 * ({@code amount} = goods + shipping), who holds the money and the day whose rates price it ({@code pricedOn}: the
 * sale's day in Asia/Ho_Chi_Minh; a refund is priced on its sale's day so it gives back exactly what the sale
 * took). A payout carries only its amount, the payer ({@code holder}) and its bank reference.
 *
 * @param order      the order, for online sales and their refunds
 * @param fulfilment the parcel, for online sales and their refunds
 * @param movement   the till's stock movement, for till sales
 * @param reference  for people: the order's code, the sold product's name, the payout's bank reference
 * @param source     for machines: the Stripe refund id, the payout id
 */
public record MoneyEvent(UUID id, MoneyKind kind, ProducerId producer, OrderId order, UUID fulfilment, UUID movement,
                         SalesChannel channel, LocationId location, OcopGroup group, Vnd goods, Vnd shipping, Vnd amount,
                         Holder holder, LocalDate pricedOn, OffsetDateTime occurredAt, String reference, String source) {

    public MoneyEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(pricedOn, "pricedOn");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (amount.dong() == 0) {
            throw new IllegalArgumentException("a money event moves some money");
        }
        if (kind == MoneyKind.PAYOUT) {
            if (channel != null || holder.kind() == Holder.Kind.PRODUCER) {
                throw new IllegalArgumentException("a payout is paid to the producer by the marketplace or an outlet, outside any sale");
            }
            goods = new Vnd(0);
            shipping = new Vnd(0);
        } else {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(goods, "goods");
            Objects.requireNonNull(shipping, "shipping");
            if (goods.plus(shipping).dong() != amount.dong()) {
                throw new IllegalArgumentException("a sale's amount is its goods and its shipping fee");
            }
        }
    }
}

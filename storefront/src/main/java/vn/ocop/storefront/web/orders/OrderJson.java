package vn.ocop.storefront.web.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProductId;
import vn.ocop.orders.Basket;
import vn.ocop.orders.Cart;
import vn.ocop.orders.CartLine;
import vn.ocop.orders.Contact;
import vn.ocop.orders.DeliveryWindow;
import vn.ocop.orders.Destination;
import vn.ocop.orders.MoneyTaken;
import vn.ocop.orders.Order;
import vn.ocop.orders.OrderRequest;
import vn.ocop.orders.PaymentMethod;
import vn.ocop.orders.Quote;
import vn.ocop.orders.Recipient;

/** The JSON shapes of carts and orders. */
final class OrderJson {

    private OrderJson() {
    }

    record LineJson(@NotNull UUID productId, @NotNull @Min(1) @Max(99) Integer quantity) {
    }

    record ContactJson(@NotNull @Size(min = 2, max = 100) String name, @NotNull @Size(min = 8, max = 20) String phone,
                       @NotNull @Size(min = 3, max = 200) String email) {
    }

    record DeliveryJson(@NotNull String provinceCode, @NotNull String communeCode, @NotNull @Size(min = 1, max = 300) String street) {
    }

    /** Either {@code delivery} or {@code pickupLocationId}. */
    record OrderJsonRequest(@NotEmpty @Size(max = 50) List<@NotNull @Valid LineJson> lines, @NotNull @Valid ContactJson contact,
                            @Valid DeliveryJson delivery, UUID pickupLocationId, @NotNull PaymentMethod payment) {
        OrderRequest request(String key, UUID account) {
            Destination destination = pickupLocationId != null ? Destination.pickup(new LocationId(pickupLocationId))
                    : delivery == null ? Destination.delivery(null, null, null)
                    : Destination.delivery(delivery.provinceCode(), delivery.communeCode(), delivery.street());
            return new OrderRequest(key, account, lines.stream().map(l -> new OrderRequest.Line(new ProductId(l.productId()), l.quantity())).toList(),
                    new Contact(contact.name(), contact.phone(), contact.email()), destination, payment);
        }
    }

    /** A line of an order, as any reader of it may see it. */
    /** One line; {@code cancelled} says why it was cancelled alone (a recalled lot), null while it is open. */
    record ItemJson(int number, UUID productId, String name, long unitPriceVnd, int quantity, long totalVnd, String cancelled) {
        static ItemJson of(Order.Line l) {
            return new ItemJson(l.number(), l.product().value(), l.name(), l.unitPrice().dong(), l.quantity(), l.total().dong(),
                    l.open() ? null : l.cancelled().name());
        }

        static List<ItemJson> of(List<Order.Line> lines) {
            return lines.stream().map(ItemJson::of).toList();
        }
    }

    record RecipientJson(String name, String phone) {
        static RecipientJson of(Recipient r) {
            return r == null ? null : new RecipientJson(r.name(), r.phone());
        }
    }

    record WindowJson(int minDays, int maxDays) {
        static WindowJson of(DeliveryWindow w) {
            return w == null ? null : new WindowJson(w.minDays(), w.maxDays());
        }
    }

    /** Money taken for a parcel (cash on delivery, or at the pickup counter). */
    record TakenJson(MoneyTaken.Method method, long amountVnd, OffsetDateTime at) {
        static TakenJson of(MoneyTaken t) {
            return t == null ? null : new TakenJson(t.method(), t.amount().dong(), t.at());
        }
    }

    /** Where a quote's basket goes: a province (the commune does not change the fee) or a pickup outlet. */
    record QuoteJsonRequest(@NotEmpty @Size(max = 50) List<@NotNull @Valid LineJson> lines, @Size(min = 2, max = 2) String provinceCode,
                            UUID pickupLocationId) {
        Basket basket(UUID account) {
            return new Basket(account, lines.stream().map(l -> new OrderRequest.Line(new ProductId(l.productId()), l.quantity())).toList(),
                    QuoteJsonRequest.destination(provinceCode, pickupLocationId));
        }

        static Destination destination(String provinceCode, UUID pickupLocationId) {
            return pickupLocationId != null ? Destination.pickup(new LocationId(pickupLocationId)) : Destination.delivery(provinceCode, null, null);
        }
    }

    /** What the basket would cost now: each parcel (one per location and producer) with its fee and delivery window, and the totals. */
    record QuoteJson(List<ParcelQuoteJson> parcels, long linesVnd, long shippingVnd, long totalVnd) {
        record ParcelQuoteJson(UUID locationId, String locationName, String province, List<ItemJson> lines, int weightGrams, long shippingVnd,
                               WindowJson deliveryWindow) {
        }

        static QuoteJson of(Quote q) {
            return new QuoteJson(q.parcels().stream().map(p -> new ParcelQuoteJson(p.from().id().value(), p.from().name(), p.from().province(),
                            ItemJson.of(p.lines()), p.weightGrams(), p.shipping().dong(), WindowJson.of(p.window()))).toList(),
                    q.linesTotal().dong(), q.shipping().dong(), q.total().dong());
        }
    }

    record CartLineView(UUID productId, String name, long unitPriceVnd, int quantity, long totalVnd, boolean sellable, int mostAvailable,
                        boolean orderable) {
        static CartLineView of(CartLine l) {
            return new CartLineView(l.product().value(), l.name(), l.unitPrice().dong(), l.quantity(), l.total().dong(), l.sellable(),
                    l.mostAvailable(), l.orderable());
        }
    }

    record CartView(UUID id, List<CartLineView> lines, long totalVnd, boolean checkoutReady) {
        static CartView of(Cart c) {
            return new CartView(c.id().value(), c.lines().stream().map(CartLineView::of).toList(), c.total().dong(), c.checkoutReady());
        }
    }
}

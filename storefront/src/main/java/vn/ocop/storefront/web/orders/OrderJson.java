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
import vn.ocop.orders.Cart;
import vn.ocop.orders.CartLine;
import vn.ocop.orders.Contact;
import vn.ocop.orders.Destination;
import vn.ocop.orders.Order;
import vn.ocop.orders.OrderRequest;
import vn.ocop.orders.OrderStatus;
import vn.ocop.orders.PaymentMethod;

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

    record OrderLineView(int number, UUID productId, String name, long unitPriceVnd, int quantity, long totalVnd, UUID locationId,
                         UUID producerId, UUID fulfilmentId, OrderStatus fulfilmentStatus) {
        static OrderLineView of(Order.Line l) {
            return new OrderLineView(l.number(), l.product().value(), l.name(), l.unitPrice().dong(), l.quantity(), l.total().dong(),
                    l.location().value(), l.producer().value(), l.fulfilment(), l.fulfilmentStatus());
        }
    }

    record OrderView(UUID id, String code, OrderStatus status, PaymentMethod payment, ContactJson contact, DeliveryJson delivery,
                     UUID pickupLocationId, String pickupCode, OffsetDateTime pickupDeadline, long totalVnd, List<OrderLineView> lines,
                     OffsetDateTime placedAt, String clientSecret) {
        static OrderView of(Order o) {
            return of(o, null);
        }

        /** With the secret a card order's page confirms its PaymentIntent with (only ever shown to the order's owner). */
        static OrderView of(Order o, String clientSecret) {
            Destination d = o.destination();
            return new OrderView(o.id().value(), o.code(), o.status(), o.payment(),
                    new ContactJson(o.contact().name(), o.contact().phone(), o.contact().email()),
                    d.isPickup() ? null : new DeliveryJson(d.provinceCode(), d.communeCode(), d.street()),
                    d.isPickup() ? d.pickupAt().value() : null, o.pickupCode(), o.pickupDeadline(), o.total().dong(),
                    o.lines().stream().map(OrderLineView::of).toList(), o.placedAt(), clientSecret);
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

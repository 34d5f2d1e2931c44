package vn.ocop.storefront.web.orders;

import java.util.List;
import java.util.UUID;
import org.springframework.validation.BindingResult;
import vn.ocop.catalog.LocationId;
import vn.ocop.orders.Addresses;
import vn.ocop.orders.Cart;
import vn.ocop.orders.CartLine;
import vn.ocop.orders.Contact;
import vn.ocop.orders.Destination;
import vn.ocop.orders.OrderRequest;
import vn.ocop.orders.PaymentMethod;

/**
 * The checkout form. Its {@code key} is made when the page is drawn and sent as the order's Idempotency-Key,
 * so a form submitted twice places one order.
 */
record CheckoutForm(String key, String name, String phone, String email, Mode mode, String provinceCode, String communeCode,
                    String street, UUID pickupLocationId, PaymentMethod payment) {

    enum Mode { DELIVERY, PICKUP }

    static CheckoutForm blank(String email) {
        return new CheckoutForm(UUID.randomUUID().toString(), "", "", email, Mode.DELIVERY, null, null, "", null, PaymentMethod.COD);
    }

    boolean pickup() {
        return mode == Mode.PICKUP;
    }

    /** Puts each wrong field on the form, in the shopper's language; true when nothing is wrong. */
    boolean check(BindingResult errors, Addresses addresses, boolean cardsOffered) {
        if (key == null || key.isBlank() || key.length() > 200) {
            errors.reject("checkout.error.expired");
        }
        if (blankOrLonger(name, 2, 100)) {
            errors.rejectValue("name", "checkout.error.name");
        }
        if (phone == null || !phone.strip().matches("[+0-9 .-]{8,20}")) {
            errors.rejectValue("phone", "checkout.error.phone");
        }
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 200) {
            errors.rejectValue("email", "checkout.error.email");
        }
        if (mode == null) {
            errors.rejectValue("mode", "checkout.error.mode");
        } else if (pickup()) {
            if (pickupLocationId == null) {
                errors.rejectValue("pickupLocationId", "checkout.error.pickup");
            }
        } else {
            if (provinceCode == null || addresses.province(provinceCode).isEmpty()) {
                errors.rejectValue("provinceCode", "checkout.error.province");
            } else if (communeCode == null || addresses.commune(provinceCode, communeCode).isEmpty()) {
                errors.rejectValue("communeCode", "checkout.error.commune");
            }
            if (blankOrLonger(street, 1, 300)) {
                errors.rejectValue("street", "checkout.error.street");
            }
        }
        if (payment == null || payment == PaymentMethod.CARD && !cardsOffered) {
            errors.rejectValue("payment", "checkout.error.payment");
        } else if (payment == PaymentMethod.PAY_AT_PICKUP && !pickup()) {
            errors.rejectValue("payment", "checkout.error.pay-at-pickup");
        } else if (payment == PaymentMethod.COD && pickup()) {
            errors.rejectValue("payment", "checkout.error.cod-pickup");
        }
        return !errors.hasErrors();
    }

    /** The order: every line of the cart (all orderable, or the page would not have let the shopper here). */
    OrderRequest request(UUID account, Cart cart) {
        List<OrderRequest.Line> lines = cart.lines().stream().map(l -> new OrderRequest.Line(l.product(), l.quantity())).toList();
        Destination destination = pickup() ? Destination.pickup(new LocationId(pickupLocationId))
                : Destination.delivery(provinceCode, communeCode, street.strip());
        return new OrderRequest(key, account, lines, new Contact(name, phone, email), destination, payment);
    }

    /** Where the quote goes as the form stands: the outlet chosen for a pickup, else the province chosen (null: nothing chosen yet). */
    Destination quoteDestination() {
        if (pickup()) {
            return pickupLocationId == null ? null : Destination.pickup(new LocationId(pickupLocationId));
        }
        return provinceCode == null || provinceCode.isBlank() ? null : Destination.delivery(provinceCode, null, null);
    }

    static List<vn.ocop.catalog.ProductId> products(Cart cart) {
        return cart.lines().stream().map(CartLine::product).toList();
    }

    private static boolean blankOrLonger(String value, int min, int max) {
        return value == null || value.strip().length() < min || value.strip().length() > max;
    }
}

package vn.ocop.storefront.web.orders;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.validation.BindingResult;
import vn.ocop.catalog.LocationId;
import vn.ocop.orders.Addresses;
import vn.ocop.orders.Cart;
import vn.ocop.orders.CartLine;
import vn.ocop.orders.Contact;
import vn.ocop.orders.Destination;
import vn.ocop.orders.Order;
import vn.ocop.orders.OrderRequest;
import vn.ocop.orders.PaymentMethod;
import vn.ocop.storefront.account.Account;

/**
 * The checkout form. Its {@code key} is made when the page is drawn and sent as the order's Idempotency-Key,
 * so a form submitted twice places one order. Delivery and pickup are two modes, each with its own fields and the
 * payments that fit it ({@link Mode#payments()}); {@code change} is set by the button that switches the mode
 * without script, which places nothing.
 */
record CheckoutForm(String key, String name, String phone, String email, Mode mode, String provinceCode, String communeCode,
                    String street, UUID pickupLocationId, PaymentMethod payment, String change) {

    enum Mode {
        DELIVERY(PaymentMethod.COD, PaymentMethod.CARD), PICKUP(PaymentMethod.PAY_AT_PICKUP, PaymentMethod.CARD);

        private final List<PaymentMethod> payments;

        Mode(PaymentMethod... payments) {
            this.payments = List.of(payments);
        }

        /** The payments that fit this mode, the one offered first first. */
        List<PaymentMethod> payments() {
            return payments;
        }

        /** The mode a link or the address bar asks for; delivery for anything else. */
        static Mode of(String asked) {
            return "PICKUP".equals(asked) ? PICKUP : DELIVERY;
        }
    }

    /**
     * A new form in that mode, filled for the shopper: the recipient and address of their last delivery when
     * {@code last} has one, else their account's name and phone number.
     */
    static CheckoutForm start(Account account, Optional<Order> last, Mode mode) {
        String name = last.map(o -> o.contact().name()).orElse(account.displayName() == null ? "" : account.displayName());
        String phone = last.map(o -> o.contact().phone()).orElse(account.phone() == null ? "" : account.phone());
        Destination address = last.map(Order::destination).orElse(null);
        return new CheckoutForm(UUID.randomUUID().toString(), name, phone, account.email(), mode,
                address == null ? null : address.provinceCode(), address == null ? null : address.communeCode(),
                address == null ? "" : address.street(), null, mode.payments().get(0), null);
    }

    /** Whether this was the switch of mode, not an order. */
    boolean changingMode() {
        return change != null;
    }

    /** The form as typed, in its (new) mode, its payment moved to the mode's first if it does not fit; a new mode for nothing is delivery. */
    CheckoutForm inItsMode() {
        Mode m = mode == null ? Mode.DELIVERY : mode;
        PaymentMethod fitting = payment != null && m.payments().contains(payment) ? payment : m.payments().get(0);
        return new CheckoutForm(key, name, phone, email, m, provinceCode, communeCode, street, pickupLocationId, fitting, null);
    }

    public boolean pickup() {
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
        // a payment that does not fit the mode is refused here with the field's message; OrderRequest refuses it again for the API
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

package vn.ocop.orders;

/** Who receives the order: a name, a phone number the courier can call, an e-mail for its news. */
public record Contact(String name, String phone, String email) {

    public Contact {
        name = trimmed(name, 2, 100, "a contact name is 2 to 100 characters");
        phone = trimmed(phone, 8, 20, "a phone number is 8 to 20 characters");
        email = trimmed(email, 3, 200, "an e-mail address is 3 to 200 characters");
        if (!phone.matches("[+0-9 .-]+")) {
            throw new OrdersException(OrdersErrorCode.INVALID_REQUEST, "a phone number has digits, spaces, dots, dashes and +");
        }
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new OrdersException(OrdersErrorCode.INVALID_REQUEST, "not an e-mail address: " + email);
        }
    }

    private static String trimmed(String value, int min, int max, String rule) {
        String v = value == null ? "" : value.strip();
        if (v.length() < min || v.length() > max) {
            throw new OrdersException(OrdersErrorCode.INVALID_REQUEST, rule);
        }
        return v;
    }
}

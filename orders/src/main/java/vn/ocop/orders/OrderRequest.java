package vn.ocop.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.ocop.catalog.ProductId;

/** A checkout: the shopper's key for retrying it safely, what to buy, who receives it, where, and how it is paid. */
public record OrderRequest(String idempotencyKey, UUID account, List<Line> lines, Contact contact, Destination destination,
                           PaymentMethod payment) {

    public record Line(ProductId product, int quantity) {
    }

    public OrderRequest {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new OrdersException(OrdersErrorCode.INVALID_REQUEST, "an Idempotency-Key of 1 to 200 characters is required");
        }
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(payment, "payment");
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.size() > 50 || lines.stream().anyMatch(l -> l.quantity() < 1 || l.quantity() > CartLine.MAX_QUANTITY)
                || lines.stream().map(Line::product).distinct().count() != lines.size()) {
            throw new OrdersException(OrdersErrorCode.INVALID_REQUEST, "1 to 50 lines, each a different product, 1 to 99 of each");
        }
        if (payment == PaymentMethod.PAY_AT_PICKUP && !destination.isPickup()) {
            throw new OrdersException(OrdersErrorCode.INVALID_REQUEST, "pay at pickup is for orders collected at a showroom");
        }
        if (payment == PaymentMethod.COD && destination.isPickup()) {
            throw new OrdersException(OrdersErrorCode.INVALID_REQUEST, "cash on delivery is for deliveries: choose pay at pickup");
        }
    }

    public Basket basket() {
        return new Basket(account, lines, destination);
    }

    /** What the request says, as a hash: the same key with a different request is refused, not repeated. */
    public String hash() {
        String canonical = lines.stream().sorted(Comparator.comparing((Line l) -> l.product().value()))
                .map(l -> l.product().value() + "x" + l.quantity()).collect(Collectors.joining(","))
                + "|" + contact + "|" + destination + "|" + payment;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

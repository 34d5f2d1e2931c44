package vn.ocop.orders;

import java.time.OffsetDateTime;

/** What is known of an order's card payment: its PaymentIntent and client secret, when it was paid or refunded, the last failure. */
public record CardPayment(OrderId order, String status, String intent, String clientSecret, OffsetDateTime paidAt,
                          OffsetDateTime refundedAt, String error) {
}

package vn.ocop.orders;

/** How a shopper pays: cash to the courier, at the showroom when collecting, or by card through Stripe. */
public enum PaymentMethod { COD, PAY_AT_PICKUP, CARD }

/** Carts, checkout, orders, payments (COD, pay at pickup, Stripe), pickup and live sales: the orders module's public API. */
package vn.ocop.orders;

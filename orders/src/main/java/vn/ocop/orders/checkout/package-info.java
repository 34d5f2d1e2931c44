/** Turning a request into an order: choosing where each line comes from, reserving it, writing the order. */
package vn.ocop.orders.checkout;

/** Card payments through Stripe: the only package that speaks to stripe-java (a blocking SDK, run off the event loop). */
package vn.ocop.orders.payment;

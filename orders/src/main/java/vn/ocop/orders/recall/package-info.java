/** Recall notices on orders: recorded once per order and lot, shown to the shopper, e-mailed once. */
package vn.ocop.orders.recall;

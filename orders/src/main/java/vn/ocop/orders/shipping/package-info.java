/** The marketplace's own shipping rate table: stored, replaced whole by ADMIN, and quoted from as {@link vn.ocop.orders.ShippingRates}. */
package vn.ocop.orders.shipping;

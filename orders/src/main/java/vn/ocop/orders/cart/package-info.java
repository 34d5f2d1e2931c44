/** Carts and their lines as stored: products and quantities, never prices. */
package vn.ocop.orders.cart;

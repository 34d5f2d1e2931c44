/** Where complaints are kept: their rows, threads and photos, each change guarded by the row's version. */
package vn.ocop.orders.complaint;

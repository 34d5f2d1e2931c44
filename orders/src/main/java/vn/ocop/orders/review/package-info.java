/** Reviews of order lines and their photos in PostgreSQL, with the product's rating kept in step. */
package vn.ocop.orders.review;

/** Each product's rating (the stars of its visible reviews, summed and counted) in PostgreSQL. */
package vn.ocop.catalog.rating;

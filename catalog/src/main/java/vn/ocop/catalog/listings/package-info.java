/** A producer's own listings: drafting, editing, publishing and archiving them, and their images. */
package vn.ocop.catalog.listings;

/**
 * Listings: what shoppers can see and buy ({@link vn.ocop.catalog.listings.Catalog}: products, cards, details, a producer's
 * shop page, ratings), a producer's own listings ({@link vn.ocop.catalog.listings.Listings}: drafting, editing, publishing,
 * archiving, images), and the one sale rule ({@link vn.ocop.catalog.listings.SellablePolicy}).
 */
package vn.ocop.catalog.listings;

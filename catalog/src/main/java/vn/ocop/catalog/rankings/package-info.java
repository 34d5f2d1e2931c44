/**
 * OCOP rankings (the {@code certification} table): recording and revoking them, a product's ranking history, and what
 * councils look up to do it; reached through {@link vn.ocop.catalog.councils.Rankings}, {@link vn.ocop.catalog.listings.Catalog} and
 * {@link vn.ocop.catalog.verification.Verification}.
 */
package vn.ocop.catalog.rankings;

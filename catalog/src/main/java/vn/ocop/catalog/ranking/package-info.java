/**
 * OCOP rankings (the {@code certification} table): recording and revoking them, a product's ranking history, and what
 * councils look up to do it; reached through {@link vn.ocop.catalog.Rankings}, {@link vn.ocop.catalog.Catalog} and
 * {@link vn.ocop.catalog.Verification}.
 */
package vn.ocop.catalog.ranking;

/**
 * A product's OCOP rankings as read (the {@code certification} table): {@link vn.ocop.catalog.rankings.Ranking},
 * its level, and a product's ranking history; recorded and revoked through {@link vn.ocop.catalog.councils.Rankings}.
 */
package vn.ocop.catalog.rankings;

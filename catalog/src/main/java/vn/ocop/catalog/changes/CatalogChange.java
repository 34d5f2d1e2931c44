package vn.ocop.catalog.changes;

import vn.ocop.catalog.ProductId;

/** A change of the catalog's outbox not yet indexed: its id, and the product it touched. */
public record CatalogChange(long id, ProductId product) {
}

package vn.ocop.catalog.listings;

import vn.ocop.catalog.ProductId;
import java.time.Instant;

/** A product on sale and the moment it last changed (its listing, or a ranking that decides its sale). */
public record ProductStamp(ProductId id, Instant changedAt) {
}

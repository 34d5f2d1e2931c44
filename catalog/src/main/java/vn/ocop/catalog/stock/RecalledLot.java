package vn.ocop.catalog.stock;

import vn.ocop.catalog.ProductId;
import java.time.OffsetDateTime;

/** A recalled lot as a till learns it: the product, the lot's code as printed, when and why it was recalled. */
public record RecalledLot(ProductId productId, String lotCode, OffsetDateTime recalledAt, String reason) {
}

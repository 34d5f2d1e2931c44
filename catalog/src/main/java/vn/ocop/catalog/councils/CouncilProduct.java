package vn.ocop.catalog.councils;

import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.listings.ProductStatus;
import vn.ocop.catalog.listings.SaleStatus;

/**
 * A product as a council finds it to rank it, whatever its status, with whether it is on sale today and why.
 *
 * @param formerProvince the producer's province before the 2025 merger, when it differs
 */
public record CouncilProduct(
        ProductId id,
        String name,
        String producerName,
        String province,
        String formerProvince,
        ProductStatus status,
        String verificationCode,
        SaleStatus sale) {
}

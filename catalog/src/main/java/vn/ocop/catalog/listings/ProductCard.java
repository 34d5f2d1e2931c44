package vn.ocop.catalog.listings;

import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.Stars;
import vn.ocop.catalog.Vnd;
import vn.ocop.catalog.stock.ProductStock;
import java.time.LocalDate;
import java.util.UUID;

/** A sellable product as lists show it, with the ranking that puts it on sale, its stock and units sold, its producer (for a link) and its shoppers' rating. */
public record ProductCard(
        UUID id,
        String name,
        String producerName,
        String province,
        String formerProvince,
        OcopGroup group,
        Stars stars,
        Vnd price,
        String salesUnit,
        boolean demoPrice,
        LocalDate rankingValidUntil,
        ProductStock stock,
        ProducerId producerId,
        Rating rating) {
}

package vn.ocop.catalog;

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

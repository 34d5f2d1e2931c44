package vn.ocop.catalog.listings;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.producers.ProducerStatus;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.rankings.Ranking;
import vn.ocop.catalog.Vnd;

/** A product row with its producer's status: what the sale rule needs besides the rankings. */
public record ProductRow(
        ProductId id,
        ProducerId producerId,
        String name,
        String description,
        OcopGroup group,
        Vnd price,
        String salesUnit,
        boolean demoPrice,
        int shippingWeightGrams,
        boolean demoWeight,
        ProductStatus status,
        ProducerStatus producerStatus,
        String verificationCode,
        long version) {

    /** Columns to select: {@code p} is product, {@code pr} its producer. */
    public static final String COLUMNS = """
            p.id, p.producer_id, p.name, p.description, p.ocop_group, p.price_vnd, p.sales_unit, p.demo_price,
            p.shipping_weight_g, p.demo_weight, p.status, pr.status as producer_status, p.verification_code, p.version""";

    public static ProductRow of(Readable row) {
        return new ProductRow(
                new ProductId(row.get("id", UUID.class)),
                new ProducerId(row.get("producer_id", UUID.class)),
                row.get("name", String.class),
                row.get("description", String.class),
                OcopGroup.valueOf(row.get("ocop_group", String.class)),
                new Vnd(row.get("price_vnd", Long.class)),
                row.get("sales_unit", String.class),
                Boolean.TRUE.equals(row.get("demo_price", Boolean.class)),
                row.get("shipping_weight_g", Integer.class),
                Boolean.TRUE.equals(row.get("demo_weight", Boolean.class)),
                ProductStatus.valueOf(row.get("status", String.class)),
                ProducerStatus.valueOf(row.get("producer_status", String.class)),
                row.get("verification_code", String.class),
                row.get("version", Long.class));
    }

    /** The listing as its producer sees it, with its rankings, its images and whether it is on sale {@code today}. */
    public Listing toListing(List<Ranking> rankings, List<String> imageFiles, LocalDate today) {
        SaleStatus sale = SellablePolicy.evaluate(status, producerStatus, rankings, today);
        return new Listing(id, name, description, group, price, salesUnit, demoPrice, shippingWeightGrams, demoWeight, status,
                verificationCode, version, rankings, sale, imageFiles);
    }
}

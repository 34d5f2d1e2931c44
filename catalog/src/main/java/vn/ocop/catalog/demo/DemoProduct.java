package vn.ocop.catalog.demo;

import java.util.Locale;
import java.util.UUID;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.Vnd;

/** A demo listing of a real OCOP product: real name, group and source; invented price and sales unit, a weight read from the unit. */
record DemoProduct(
        UUID id,
        UUID producerId,
        String name,
        String description,
        OcopGroup group,
        Vnd price,
        String salesUnit,
        int shippingWeightGrams,
        String verificationCode,
        String sourceUrl) {

    static DemoProduct of(OcopRow row, DemoProducer producer, PriceTable prices) {
        UUID id = DemoIds.uuid("product", row.productKey());
        PriceTable.DemoPrice price = prices.priceOf(row.name(), row.group());
        return new DemoProduct(id, producer.id(), row.name(), describe(row, producer), row.group(),
                price.price(), price.unit(), SalesUnitWeight.estimate(price.unit(), row.group()), DemoIds.verificationCode(id),
                row.sourceUrl());
    }

    /** Only facts the source gave, plus the warning that price and unit are invented. */
    private static String describe(OcopRow row, DemoProducer producer) {
        String place = ProvinceMap.describe(row.province(), producer.province());
        String maker = row.namesProducer() ? "của " + producer.name() + ", " + place : "tại " + place + " (nguồn không nêu chủ thể)";
        String group = row.group().vietnameseName().toLowerCase(Locale.ROOT);
        return "Sản phẩm OCOP " + row.stars() + " sao (nhóm " + group + ") " + maker
                + ". Giá và quy cách bán là số liệu minh họa.";
    }
}

package vn.ocop.catalog.demo;

import java.util.List;

/** The bundled demo data set: the OCOP products, the province table and the price table. */
record DemoData(List<OcopRow> rows, ProvinceMap provinces, PriceTable prices) {

    DemoData {
        rows = List.copyOf(rows);
    }

    /** Reads the classpath resources: blocking, so it runs on a thread that may block. */
    static DemoData load() {
        List<OcopRow> rows = Csv.read("demo/ocop_products.csv").stream().map(OcopRow::of).toList();
        return new DemoData(rows, ProvinceMap.load(), PriceTable.load());
    }
}

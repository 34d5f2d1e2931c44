package vn.ocop.catalog.demo;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** A producer (chủ thể OCOP) of the demo data, placed in its current province. */
record DemoProducer(UUID id, String kind, String name, String province, String formerProvince) {

    private static final Pattern COOPERATIVE_GROUP = Pattern.compile("tổ hợp tác|\\btht\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern COOPERATIVE = Pattern.compile("\\bhtx|hợp tác xã", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ENTERPRISE = Pattern.compile("công ty|\\bcty\\b|chi nhánh|doanh nghiệp|\\bdntn\\b",
            Pattern.UNICODE_CHARACTER_CLASS);

    static DemoProducer of(OcopRow row, ProvinceMap provinces) {
        String current = provinces.currentOf(row.province());
        return new DemoProducer(
                DemoIds.uuid("producer", row.producerKey()),
                kindOf(row.producerName()),
                row.producerName(),
                current,
                current.equals(row.province()) ? null : row.province());
    }

    /** The legal form as the name states it; a name that states none is taken for a household business. */
    static String kindOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (COOPERATIVE_GROUP.matcher(lower).find()) {
            return "COOPERATIVE_GROUP";
        }
        if (COOPERATIVE.matcher(lower).find()) {
            return "COOPERATIVE";
        }
        return ENTERPRISE.matcher(lower).find() ? "ENTERPRISE" : "HOUSEHOLD";
    }
}

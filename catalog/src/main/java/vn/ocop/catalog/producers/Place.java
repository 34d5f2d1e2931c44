package vn.ocop.catalog.producers;


/**
 * Where a producer is, in the official units since 2025-07-01: a province (code, and the name producers carry, such as
 * "Hà Nội" or "TP. Hồ Chí Minh") and a commune, ward or special zone of it (code and name). The codes are checked
 * against the official list by whoever builds one (the storefront, from the address list of the orders module).
 */
public record Place(String provinceCode, String province, String communeCode, String commune) {

    public Place {
        provinceCode = required("provinceCode", provinceCode, "[0-9]{2}");
        province = required("provinceCode", province, ".{2,100}");
        communeCode = required("communeCode", communeCode, "[0-9]{5}");
        commune = required("communeCode", commune, ".{2,100}");
    }

    private static String required(String field, String value, String form) {
        String v = value == null ? "" : value.strip();
        return InvalidProducerDetails.check(field, v, v.matches(form) ? null : "not one of the official provinces and communes");
    }
}

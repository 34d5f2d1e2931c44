package vn.ocop.catalog.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The 63 provinces before 1 July 2025 and the 34 they became (Resolution 202/2025/QH15), from {@code demo/provinces.csv}. */
record ProvinceMap(Map<String, String> currentByFormer) {

    // centrally-run cities are "TP. …", everything else "tỉnh …" (Huế only since the 2025 reform)
    private static final Set<String> CITIES = Set.of("Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế");

    ProvinceMap {
        currentByFormer = Map.copyOf(currentByFormer);
    }

    static ProvinceMap load() {
        Map<String, String> map = new HashMap<>();
        Csv.read("demo/provinces.csv").forEach(row -> map.put(row.get("former"), row.get("current")));
        return new ProvinceMap(map);
    }

    /** Fails loudly: a province missing from the table would put a producer in no current province. */
    String currentOf(String former) {
        String current = currentByFormer.get(former);
        if (current == null) {
            throw new IllegalStateException("province missing from demo/provinces.csv: " + former);
        }
        return current;
    }

    /** "tỉnh Lào Cai", "TP. Hà Nội", "TP. Hồ Chí Minh". */
    static String administrativeName(String province) {
        if (province.startsWith("TP.")) {
            return province;
        }
        return CITIES.contains(province) ? "TP. " + province : "tỉnh " + province;
    }

    /** "tỉnh Trà Vinh (nay thuộc tỉnh Vĩnh Long)" when the province has merged, else just its name. */
    static String describe(String former, String current) {
        return former.equals(current)
                ? administrativeName(current)
                : administrativeName(former) + " (nay thuộc " + administrativeName(current) + ")";
    }
}

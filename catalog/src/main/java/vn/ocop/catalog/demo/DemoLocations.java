package vn.ocop.catalog.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The demo network: regional showrooms, sales points, a highway rest stop and the member producer's warehouse. */
final class DemoLocations {

    static final UUID HANOI_SHOWROOM = DemoIds.uuid("location", "showroom-ha-noi");
    static final String TILL_LABEL = "Quầy demo 1";

    private static final String HOURS = "08:00–21:00";

    private DemoLocations() {
    }

    /** Names say "(demo)": the addresses are plausible but no such OCOP outlet is implied to exist there. */
    static List<DemoLocation> forMember(DemoProducer member) {
        return List.of(
                outlet("showroom-ha-noi", "SHOWROOM", "Showroom OCOP Hà Nội (demo)", "Hà Nội",
                        "25 phố Lý Thường Kiệt, phường Cửa Nam, TP. Hà Nội", "21.024500", "105.844000", HOURS, true),
                outlet("showroom-tp-hcm", "SHOWROOM", "Showroom OCOP TP. Hồ Chí Minh (demo)", "TP. Hồ Chí Minh",
                        "92 đường Nam Kỳ Khởi Nghĩa, phường Sài Gòn, TP. Hồ Chí Minh", "10.776900", "106.700900", HOURS, true),
                outlet("showroom-ha-long", "SHOWROOM", "Showroom OCOP Quảng Ninh – Hạ Long (demo)", "Quảng Ninh",
                        "Đường Hạ Long, phường Bãi Cháy, tỉnh Quảng Ninh", "20.956000", "107.048000", HOURS, true),
                outlet("sales-point-can-tho", "SALES_POINT", "Điểm bán OCOP Bến Ninh Kiều (demo)", "Cần Thơ",
                        "Đường Hai Bà Trưng, phường Ninh Kiều, TP. Cần Thơ", "10.034000", "105.788000", HOURS, true),
                // a kiosk on the square: sells over the counter, has no room to hold orders for pickup
                outlet("sales-point-sa-pa", "SALES_POINT", "Quầy OCOP quảng trường Sa Pa (demo)", "Lào Cai",
                        "Quảng trường Sa Pa, phường Sa Pa, tỉnh Lào Cai", "22.336400", "103.843800", "07:00–22:00", false),
                outlet("highway-stop-trung-luong", "HIGHWAY_STOP",
                        "Điểm OCOP trạm dừng nghỉ cao tốc TP. Hồ Chí Minh – Trung Lương (demo)", "Tây Ninh",
                        "Km 32, cao tốc TP. Hồ Chí Minh – Trung Lương, chiều đi Trung Lương, tỉnh Tây Ninh",
                        "10.614000", "106.402000", "06:00–22:00", true),
                warehouse(member));
    }

    static DemoTillKey hanoiTillKey(String key) {
        return new DemoTillKey(DemoIds.uuid("till-key", "showroom-ha-noi:1"), HANOI_SHOWROOM, TILL_LABEL, DemoIds.sha256Hex(key));
    }

    private static DemoLocation outlet(String key, String kind, String name, String province, String address,
            String latitude, String longitude, String hours, boolean pickup) {
        return new DemoLocation(DemoIds.uuid("location", key), kind, name, province, address,
                new BigDecimal(latitude), new BigDecimal(longitude), hours, pickup, null);
    }

    /** The producer's own stock room: no shopper collects there, and its real address is not published. */
    private static DemoLocation warehouse(DemoProducer member) {
        return new DemoLocation(DemoIds.uuid("location", "warehouse:" + member.id()), "WAREHOUSE",
                "Kho " + member.name() + " (demo)", member.province(),
                "Địa chỉ minh họa, " + ProvinceMap.administrativeName(member.province()),
                null, null, "07:30–17:00", false, member.id());
    }
}

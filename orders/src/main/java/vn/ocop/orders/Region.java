package vn.ocop.orders;

import java.util.Map;

/**
 * The three regions shipping fees are zoned by, over the 34 provinces (by official code): the North (Bắc Bộ,
 * Hà Nội to Ninh Bình), the Centre (Trung Bộ and Tây Nguyên, Thanh Hóa to Lâm Đồng) and the South (Nam Bộ,
 * Đồng Nai to Cà Mau).
 */
public enum Region {
    NORTH, CENTRE, SOUTH;

    private static final Map<String, Region> BY_PROVINCE = Map.ofEntries(
            Map.entry("01", NORTH), Map.entry("04", NORTH), Map.entry("08", NORTH), Map.entry("11", NORTH), Map.entry("12", NORTH),
            Map.entry("14", NORTH), Map.entry("15", NORTH), Map.entry("19", NORTH), Map.entry("20", NORTH), Map.entry("22", NORTH),
            Map.entry("24", NORTH), Map.entry("25", NORTH), Map.entry("31", NORTH), Map.entry("33", NORTH), Map.entry("37", NORTH),
            Map.entry("38", CENTRE), Map.entry("40", CENTRE), Map.entry("42", CENTRE), Map.entry("44", CENTRE), Map.entry("46", CENTRE),
            Map.entry("48", CENTRE), Map.entry("51", CENTRE), Map.entry("52", CENTRE), Map.entry("56", CENTRE), Map.entry("66", CENTRE),
            Map.entry("68", CENTRE),
            Map.entry("75", SOUTH), Map.entry("79", SOUTH), Map.entry("80", SOUTH), Map.entry("82", SOUTH), Map.entry("86", SOUTH),
            Map.entry("91", SOUTH), Map.entry("92", SOUTH), Map.entry("96", SOUTH));

    /** The region of a province by its official code. */
    public static Region of(String provinceCode) {
        Region region = BY_PROVINCE.get(provinceCode);
        if (region == null) {
            throw new IllegalArgumentException("not one of the 34 provinces: " + provinceCode);
        }
        return region;
    }

    static int provinces() {
        return BY_PROVINCE.size();
    }
}

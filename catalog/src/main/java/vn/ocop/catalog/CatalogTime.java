package vn.ocop.catalog;

import java.time.ZoneId;

/** The marketplace's time zone: a ranking's validity is decided by the calendar date in Asia/Ho_Chi_Minh. */
public final class CatalogTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private CatalogTime() {
    }
}

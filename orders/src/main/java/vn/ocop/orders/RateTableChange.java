package vn.ocop.orders;

import java.time.OffsetDateTime;

/** Who last changed the shipping rate table, and when. */
public record RateTableChange(String by, OffsetDateTime at) {
}

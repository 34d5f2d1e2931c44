package vn.ocop.catalog.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import vn.ocop.catalog.CatalogClock;

/** A clock a test moves by hand, to cross midnights and expiry dates without waiting. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    @Override
    public ZoneId getZone() {
        return CatalogClock.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this; // the marketplace only ever asks for Asia/Ho_Chi_Minh
    }

    @Override
    public Instant instant() {
        return now;
    }
}

package vn.ocop.orders;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.OcopGroup;

/**
 * A commission rate as ADMIN set it: the marketplace's percentage of online sales of one OCOP group, or an outlet's
 * consignment percentage of what its tills sell. It applies from {@code effectiveFrom} (a day in Asia/Ho_Chi_Minh,
 * never before the day it was set) until a later row for the same group or outlet takes over; rows are never
 * changed, so the history stays.
 */
public record CommissionRate(UUID id, Scope scope, OcopGroup group, LocationId location, Percent percent, LocalDate effectiveFrom,
                             String setBy, OffsetDateTime setAt) {

    /** The most a rate may be. */
    public static final Percent MAX = new Percent(50_00);

    public enum Scope { ONLINE, CONSIGNMENT }

    public CommissionRate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(setAt, "setAt");
        if ((scope == Scope.ONLINE) != (group != null) || (scope == Scope.CONSIGNMENT) != (location != null)) {
            throw new IllegalArgumentException("an online rate names its OCOP group, a consignment rate its outlet");
        }
    }
}

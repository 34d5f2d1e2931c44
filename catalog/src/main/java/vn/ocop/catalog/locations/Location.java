package vn.ocop.catalog.locations;

import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import java.math.BigDecimal;

/** A place that keeps stock; shoppers may collect orders there when {@code pickupAllowed}. */
public record Location(LocationId id, LocationKind kind, String name, String province, String address,
                       BigDecimal latitude, BigDecimal longitude, String openingHours, boolean pickupAllowed,
                       ProducerId producer) {

    public LocationDetails details() {
        return new LocationDetails(kind, name, province, address, latitude, longitude, openingHours, pickupAllowed, producer);
    }
}

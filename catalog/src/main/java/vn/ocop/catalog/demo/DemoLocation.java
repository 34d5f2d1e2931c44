package vn.ocop.catalog.demo;

import java.math.BigDecimal;
import java.util.UUID;

/** A demo showroom, sales point, rest stop or producer warehouse. */
record DemoLocation(
        UUID id,
        String kind,
        String name,
        String province,
        String address,
        BigDecimal latitude,
        BigDecimal longitude,
        String openingHours,
        boolean pickupAllowed,
        UUID producerId) {
}

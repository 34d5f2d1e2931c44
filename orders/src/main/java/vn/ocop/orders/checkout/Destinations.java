package vn.ocop.orders.checkout;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.locations.Location;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.orders.Addresses;
import vn.ocop.orders.Destination;
import vn.ocop.orders.OrdersErrorCode;
import vn.ocop.orders.OrdersException;

/** Whether an order can go there: a real commune of a real province with a street, or an outlet that hands orders over. */
@Service
class Destinations {

    private final Addresses addresses;
    private final Locations locations;

    Destinations(Addresses addresses, Locations locations) {
        this.addresses = addresses;
        this.locations = locations;
    }

    /** Empty when the order can go there, with the pickup outlet as read (checkout needs it again for its parcels). */
    Mono<Location> check(Destination d) {
        if (d.isPickup()) {
            return locations.outlet(d.pickupAt())
                    .filter(l -> l.pickupAllowed())
                    .onErrorResume(CatalogException.class, e -> Mono.empty())
                    .switchIfEmpty(Mono.error(() -> invalid("orders cannot be collected at that location")));
        }
        if (addresses.commune(d.provinceCode(), d.communeCode()).isEmpty()) {
            return Mono.error(invalid("choose a province and one of its communes (xã, phường, đặc khu)"));
        }
        if (d.street() == null || d.street().isBlank() || d.street().length() > 300) {
            return Mono.error(invalid("the street address (house number, street, hamlet) is 1 to 300 characters"));
        }
        return Mono.empty();
    }

    /** For a quote only the province counts (or the pickup outlet). */
    Mono<Location> checkForQuote(Destination d) {
        if (d.isPickup()) {
            return check(d);
        }
        return addresses.province(d.provinceCode()).isPresent() ? Mono.empty() : Mono.error(invalid("choose the province it goes to"));
    }

    private static OrdersException invalid(String message) {
        return new OrdersException(OrdersErrorCode.INVALID_REQUEST, message);
    }
}

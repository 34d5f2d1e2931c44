package vn.ocop.orders;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.locations.Locations;

/** Builds what each reader may see of an order: the producer's parcel with its ship-from location and address in words. */
@Component
class OrderViews {

    private final Locations locations;
    private final Addresses addresses;

    OrderViews(Locations locations, Addresses addresses) {
        this.locations = locations;
        this.addresses = addresses;
    }

    Mono<ProducerFulfilment> forProducer(Order o, Fulfilment f) {
        return locations.get(f.location()).map(from -> ProducerFulfilment.of(o, f, from, address(o)));
    }

    /** The delivery address in words (null for a pickup). */
    DeliveryAddress address(Order o) {
        Destination d = o.destination();
        if (d.isPickup()) {
            return null;
        }
        return new DeliveryAddress(d.street(),
                addresses.commune(d.provinceCode(), d.communeCode()).map(Commune::name).orElse(d.communeCode()),
                addresses.province(d.provinceCode()).map(Province::name).orElse(d.provinceCode()));
    }
}

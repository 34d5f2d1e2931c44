package vn.ocop.orders.checkout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.locations.Location;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.catalog.Vnd;
import vn.ocop.orders.Addresses;
import vn.ocop.orders.Destination;
import vn.ocop.orders.Fulfilment;
import vn.ocop.orders.FulfilmentStatus;
import vn.ocop.orders.Order;
import vn.ocop.orders.Province;
import vn.ocop.orders.ShippingQuote;
import vn.ocop.orders.ShippingRates;
import vn.ocop.orders.checkout.Allocator.Allotted;

/**
 * Groups allotted lines into parcels, one per location and producer (each ships its own), weighs each and asks
 * {@link ShippingRates} what sending it costs and how long it takes. A pickup sends nothing: no fee, no window.
 */
@Component
class Parcels {

    private static final Logger log = LoggerFactory.getLogger(Parcels.class);

    private final Locations locations;
    private final Addresses addresses;
    private final ShippingRates rates;

    Parcels(Locations locations, Addresses addresses, ShippingRates rates) {
        this.locations = locations;
        this.addresses = addresses;
        this.rates = rates;
    }

    /** A parcel about to be an order's fulfilment, and the location it leaves from. */
    record Drafted(Fulfilment fulfilment, Location from) {
    }

    /** {@code known}: locations already read in this checkout (the pickup outlet), not read again. */
    Mono<List<Drafted>> of(List<Allotted> lines, Destination destination, List<Location> known) {
        Map<String, List<Allotted>> groups = new LinkedHashMap<>();
        lines.forEach(l -> groups.computeIfAbsent(l.location().value() + ":" + l.producer().value(), k -> new ArrayList<>()).add(l));
        return Flux.fromIterable(groups.values())
                .concatMap(group -> known.stream().filter(l -> l.id().equals(group.get(0).location())).findFirst().map(Mono::just)
                        .orElseGet(() -> locations.get(group.get(0).location())).map(from -> new Group(group, from)))
                .collectList()
                .flatMap(all -> destination.isPickup() ? Mono.just(all.stream().map(g -> g.drafted(null)).toList()) : priced(all, destination));
    }

    private record Group(List<Allotted> lines, Location from) {
        int grams() {
            return lines.stream().mapToInt(l -> Math.multiplyExact(l.unitGrams(), l.line().quantity())).sum();
        }

        Drafted drafted(ShippingQuote quote) {
            Allotted first = lines.get(0);
            return new Drafted(new Fulfilment(UUID.randomUUID(), first.location(), first.producer(), FulfilmentStatus.PLACED,
                    lines.stream().map(Allotted::line).toList(), quote == null ? new Vnd(0) : quote.fee(), grams(),
                    quote == null ? null : quote.window(), null), from);
        }
    }

    private Mono<List<Drafted>> priced(List<Group> groups, Destination destination) {
        Province to = addresses.province(destination.provinceCode())
                .orElseThrow(() -> new IllegalArgumentException("not a province: " + destination.provinceCode()));
        List<ShippingRates.Parcel> parcels = groups.stream().map(g -> new ShippingRates.Parcel(from(g.from()).orElse(null), to, g.grams())).toList();
        return rates.quote(parcels).map(quotes -> {
            List<Drafted> drafted = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                drafted.add(groups.get(i).drafted(quotes.get(i)));
            }
            return drafted;
        });
    }

    /** The province a location is in; a name that matches none of the 34 is charged as another region (and logged). */
    private Optional<Province> from(Location location) {
        Optional<Province> province = addresses.provinceNamed(location.province());
        if (province.isEmpty()) {
            log.warn("Location {} names its province \"{}\", which is none of the 34: its parcels are charged as sent from another region",
                    location.name(), location.province());
        }
        return province;
    }
}

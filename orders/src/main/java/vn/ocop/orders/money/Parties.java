package vn.ocop.orders.money;

import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.locations.Location;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.producers.ProducerSummary;
import vn.ocop.orders.MoneyEvent;

/** Who the ledger's rows name, from the catalog: the producer (its kind decides the tax) and the locations' names. */
@Component
public class Parties {

    private final Catalog catalog;
    private final Locations locations;

    Parties(Catalog catalog, Locations locations) {
        this.catalog = catalog;
        this.locations = locations;
    }

    /** Today in Asia/Ho_Chi_Minh, as the catalog defines it. */
    public java.time.LocalDate today() {
        return catalog.today();
    }

    public Mono<ProducerSummary> producer(ProducerId id) {
        return catalog.producer(id);
    }

    public Flux<ProducerSummary> producers(Collection<ProducerId> ids) {
        return catalog.producers(ids);
    }

    public Mono<Location> location(LocationId id) {
        return locations.get(id);
    }

    /** The name of every location the events name (as a sale's place or as the holder). */
    public Mono<Map<LocationId, String>> names(Collection<MoneyEvent> events) {
        return Flux.fromIterable(events)
                .flatMapIterable(e -> java.util.stream.Stream.of(e.location(), e.holder().location()).filter(java.util.Objects::nonNull).toList())
                .distinct()
                .concatMap(id -> locations.get(id).map(Location::name).onErrorResume(e -> Mono.just(id.value().toString()))
                        .map(name -> Map.entry(id, name)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}

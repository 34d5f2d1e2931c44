package vn.ocop.catalog.locations;

import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.ProducerId;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where stock is kept and collected. Anyone may list the outlets; only an administrator (checked by the
 * caller) opens or changes a location. A producer's warehouse is not published: its address is the producer's own.
 */
@Service
public class Locations {

    private final LocationRows rows;

    Locations(LocationRows rows) {
        this.rows = rows;
    }

    /** Every location of that kind and province (null: any), for administrators. */
    public Flux<Location> all(LocationKind kind, String province) {
        return rows.find(kind, province);
    }

    /** What shoppers see: showrooms, sales points and highway stops, never a producer's warehouse. */
    public Flux<Location> outlets(LocationKind kind, String province) {
        return rows.find(kind, province).filter(l -> l.kind() != LocationKind.WAREHOUSE);
    }

    public Mono<Location> get(LocationId id) {
        return rows.get(id).switchIfEmpty(Mono.error(() -> CatalogException.notFound("location " + id.value())));
    }

    /** An outlet shoppers may see; a warehouse is NOT_FOUND to them. */
    public Mono<Location> outlet(LocationId id) {
        return get(id).filter(l -> l.kind() != LocationKind.WAREHOUSE)
                .switchIfEmpty(Mono.error(() -> CatalogException.notFound("location " + id.value())));
    }

    public Flux<Location> warehousesOf(ProducerId producer) {
        return rows.warehousesOf(producer);
    }

    public Mono<Location> open(LocationDetails details) {
        LocationId id = LocationId.random();
        return rows.insert(id, details).then(get(id));
    }

    /** Changes what a location says; its kind and its producer stay as they were (INVALID_STATE otherwise). */
    public Mono<Location> edit(LocationId id, LocationDetails details) {
        return get(id).flatMap(current -> rows.update(id, details))
                .flatMap(updated -> updated == 1 ? get(id) : Mono.error(new CatalogException(CatalogErrorCode.INVALID_STATE,
                        "a location keeps its kind and its producer: open a new one instead")));
    }
}

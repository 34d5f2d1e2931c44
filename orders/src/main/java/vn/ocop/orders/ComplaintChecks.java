package vn.ocop.orders;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.CheckedImage;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.listings.UploadedImages;

/**
 * What a complaint (and a review) checks outside itself: its photos (at most 3, each checked and re-encoded as listing images
 * are), the location goods are returned to (one of the producer's own for its offer; any location for ADMIN), and
 * the time.
 */
@Component
class ComplaintChecks {

    private final UploadedImages images;
    private final Locations locations;
    private final Clock clock;

    ComplaintChecks(UploadedImages images, Locations locations, Clock clock) {
        this.images = images;
        this.locations = locations;
        this.clock = clock;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    Mono<List<CheckedImage>> photos(List<byte[]> uploads) {
        if (uploads.size() > Complaint.MAX_PHOTOS) {
            return Mono.error(new OrdersException(OrdersErrorCode.INVALID_REQUEST, "at most " + Complaint.MAX_PHOTOS + " photos"));
        }
        return Flux.fromIterable(uploads).concatMap(images::checked).collectList();
    }

    /** Null, or one of the producer's own locations (its warehouses); INVALID_REQUEST otherwise. */
    Mono<LocationId> producersOwn(ProducerId producer, LocationId location) {
        if (location == null) {
            return Mono.empty();
        }
        return locations.warehousesOf(producer).filter(l -> l.id().equals(location)).next().map(l -> location)
                .switchIfEmpty(Mono.error(() -> new OrdersException(OrdersErrorCode.INVALID_REQUEST, "return the goods to one of your own locations")));
    }

    /** Null, or a location that exists; INVALID_REQUEST otherwise. */
    Mono<LocationId> existing(LocationId location) {
        if (location == null) {
            return Mono.empty();
        }
        return locations.get(location).map(l -> location)
                .onErrorMap(vn.ocop.catalog.CatalogException.class, e -> new OrdersException(OrdersErrorCode.INVALID_REQUEST, "no such location to return the goods to"));
    }
}

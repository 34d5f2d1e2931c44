package vn.ocop.storefront.web.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.locations.LocationDetails;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.catalog.ProducerId;
import vn.ocop.storefront.web.stock.StockJson.LocationView;

/** Where goods are kept and collected: outlets for everyone, every location and its changes for administrators. */
@RestController
@Tag(name = "Locations", description = "Showrooms, sales points, highway stops (public) and producers' warehouses (ADMIN)")
class LocationApiController {

    private final Locations locations;

    LocationApiController(Locations locations) {
        this.locations = locations;
    }

    record LocationRequest(@NotNull LocationKind kind, @NotBlank @Size(min = 2, max = 200) String name,
                           @NotBlank @Size(max = 100) String province, @NotBlank @Size(min = 2, max = 300) String address,
                           BigDecimal latitude, BigDecimal longitude, @Size(max = 100) String openingHours,
                           Boolean pickupAllowed, UUID producerId) {
        LocationDetails details() {
            return new LocationDetails(kind, name, province, address, latitude, longitude, openingHours, Boolean.TRUE.equals(pickupAllowed),
                    producerId == null ? null : new ProducerId(producerId));
        }
    }

    @GetMapping("/api/v1/locations")
    @Operation(summary = "Showrooms, sales points and highway stops", description = "Filter by kind and province (its current name). Producers' warehouses are not listed.")
    Flux<LocationView> outlets(@RequestParam(required = false) LocationKind kind, @RequestParam(required = false) String province) {
        return locations.outlets(kind, blankAsNull(province)).map(LocationView::of);
    }

    @GetMapping("/api/v1/locations/{id}")
    @Operation(summary = "One outlet", description = "404 for a warehouse or an unknown id.")
    Mono<LocationView> outlet(@PathVariable UUID id) {
        return locations.outlet(new LocationId(id)).map(LocationView::of);
    }

    @GetMapping("/api/v1/admin/locations")
    @Operation(summary = "Every location, warehouses included (ADMIN)")
    Flux<LocationView> all(@RequestParam(required = false) LocationKind kind, @RequestParam(required = false) String province) {
        return locations.all(kind, blankAsNull(province)).map(LocationView::of);
    }

    @PostMapping("/api/v1/admin/locations")
    @Operation(summary = "Open a location (ADMIN)", description = "A WAREHOUSE names its producerId; the other kinds do not.")
    Mono<ResponseEntity<LocationView>> open(@Valid @RequestBody LocationRequest request) {
        return Mono.fromSupplier(request::details)
                .flatMap(locations::open)
                .map(l -> ResponseEntity.created(URI.create("/api/v1/locations/" + l.id().value())).body(LocationView.of(l)));
    }

    @PutMapping("/api/v1/admin/locations/{id}")
    @Operation(summary = "Change a location (ADMIN)", description = "Kind and producer stay as they were (409 otherwise).")
    Mono<LocationView> edit(@PathVariable UUID id, @Valid @RequestBody LocationRequest request) {
        return Mono.fromSupplier(request::details)
                .flatMap(details -> locations.edit(new LocationId(id), details))
                .map(LocationView::of);
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

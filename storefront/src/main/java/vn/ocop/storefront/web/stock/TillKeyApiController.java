package vn.ocop.storefront.web.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.TillKeys;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.stock.StockJson.IssuedKeyView;
import vn.ocop.storefront.web.stock.StockJson.TillKeyView;

/** Keys of the tills at a location: made and revoked by an ADMIN or by that location's STAFF (others get 404). */
@RestController
@Tag(name = "Till keys", description = "A key lets one till sync with one location; it is shown once")
class TillKeyApiController {

    private final TillKeys keys;
    private final CurrentAccount current;

    TillKeyApiController(TillKeys keys, CurrentAccount current) {
        this.keys = keys;
        this.current = current;
    }

    record KeyRequest(@NotBlank @Size(max = 100) String label) {
    }

    @GetMapping("/api/v1/locations/{id}/till-keys")
    @Operation(summary = "The location's till keys, without their secrets")
    Flux<TillKeyView> list(@PathVariable UUID id) {
        LocationId location = new LocationId(id);
        return current.managing(location).flatMapMany(a -> keys.of(location)).map(TillKeyView::of);
    }

    @PostMapping("/api/v1/locations/{id}/till-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a till key", description = "The answer carries the secret: the only time it is shown. Only its SHA-256 is kept.")
    Mono<IssuedKeyView> issue(@PathVariable UUID id, @Valid @RequestBody KeyRequest request) {
        LocationId location = new LocationId(id);
        return current.managing(location)
                .flatMap(a -> keys.issue(location, request.label()))
                .map(issued -> new IssuedKeyView(TillKeyView.of(issued.key()), issued.secret()));
    }

    @PostMapping("/api/v1/locations/{id}/till-keys/{keyId}/revoke")
    @Operation(summary = "Revoke a till key", description = "At once: the till's next sync gets 401. Revoking again changes nothing.")
    Mono<TillKeyView> revoke(@PathVariable UUID id, @PathVariable UUID keyId) {
        LocationId location = new LocationId(id);
        return current.managing(location).flatMap(a -> keys.revoke(location, keyId)).map(TillKeyView::of);
    }
}

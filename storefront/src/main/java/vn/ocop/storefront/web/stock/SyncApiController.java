package vn.ocop.storefront.web.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.stock.SyncBatch;
import vn.ocop.catalog.stock.TillKey;
import vn.ocop.catalog.stock.TillKeys;
import vn.ocop.catalog.stock.TillMovement;
import vn.ocop.orders.Money;
import vn.ocop.storefront.web.stock.StockJson.SyncView;

/**
 * A till's offline batch in, the location's state out (README, "Till sync protocol"). The till proves itself
 * with its key ({@code Authorization: Bearer}); the key is checked before the body is read, so a wrong or
 * revoked key gets 401 whatever it sent, and nothing is written.
 */
@RestController
@Tag(name = "Till sync", description = "Offline tills send their movements in batches; each is applied exactly once")
class SyncApiController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SyncApiController.class);

    private final Inventory inventory;
    private final TillKeys keys;
    private final Money money;

    SyncApiController(Inventory inventory, TillKeys keys, Money money) {
        this.inventory = inventory;
        this.keys = keys;
        this.money = money;
    }

    /** The type is read as sent, control characters and all: a bad one rejects that movement alone ({@code BAD_TYPE}). */
    record MovementJson(@NotNull UUID id, @JsonDeserialize(using = StringDeserializer.class) String type, UUID productId, UUID locationId, Integer quantity, Integer expected,
                        Integer counted, OffsetDateTime occurredAt,
                        @Schema(description = "SALE only: what the till took per unit, whole đồng (0 to 1,000,000,000); without it the product's list price")
                        Long unitPrice,
                        @Schema(description = "SALE, RECEIPT or COUNT: the lot it was of, as printed on the label (1 to 40 letters, digits, - . /); "
                                + "without it the lots with the earliest use-by go first; a sale naming a lot never received is applied and flagged UNKNOWN_LOT") String lotCode,
                        @Schema(description = "RECEIPT only: the lot's production date") LocalDate producedOn,
                        @Schema(description = "RECEIPT only: the lot's use-by date (none for goods that do not spoil); "
                                + "from the day after, in Vietnam, the lot is not sold online and a till's sale of it is flagged EXPIRED_LOT") LocalDate useBy) {
        TillMovement movement() {
            return new TillMovement(id, type, productId, locationId, quantity, expected, counted, occurredAt, unitPrice, lotCode, producedOn, useBy);
        }
    }

    record SyncRequest(@NotBlank @Size(max = 100) String deviceId, @Size(max = 200) String sinceVersion,
                       @NotNull List<@NotNull @Valid MovementJson> movements) {
    }

    @PostMapping("/api/v1/locations/{id}/sync")
    @Operation(summary = "Send a till's movements and learn the location's state",
            description = "Authorization: Bearer <till key>. Each movement is applied once: a replay answers duplicate. "
                    + "More movements than the limit (500 by default): 413, nothing written. Wrong or revoked key: 401.")
    Mono<SyncView> sync(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                        @Valid @RequestBody Mono<SyncRequest> body) {
        LocationId location = new LocationId(id);
        return keys.authenticate(location, bearer(authorization))
                .switchIfEmpty(Mono.error(SyncApiController::unauthorized))
                .flatMap(till -> body.flatMap(request -> inventory.sync(till.location(), batch(location, till.key(), request))))
                .flatMap(answer -> money.tillSalesApplied(answer.sales())
                        // the batch is applied: the till must learn so; the catch-up job records these sales later
                        .onErrorResume(e -> {
                            log.warn("Till sales of a sync batch at {} were not recorded in the money ledger yet; the catch-up job will", id, e);
                            return Mono.just(0L);
                        })
                        .thenReturn(answer))
                .map(SyncView::of);
    }


    private static SyncBatch batch(LocationId location, TillKey key, SyncRequest request) {
        return new SyncBatch(location, key, request.deviceId().strip(), request.sinceVersion(),
                request.movements().stream().map(MovementJson::movement).toList());
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7) : null;
    }

    private static ResponseStatusException unauthorized() {
        return new TillKeyRefused();
    }

    /** 401 with the challenge a till understands. */
    static final class TillKeyRefused extends ResponseStatusException {
        TillKeyRefused() {
            super(HttpStatus.UNAUTHORIZED, "This till key is not valid for this location, or it was revoked: ask staff for a new key.");
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ocop-till\"");
            return headers;
        }
    }
}

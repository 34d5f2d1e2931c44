package vn.ocop.storefront.web.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogClock;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.lots.Lots;
import vn.ocop.catalog.stock.LotRef;
import vn.ocop.catalog.stock.Movement;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.RecordedMovement;
import vn.ocop.catalog.stock.StockReports;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.stock.StockJson.EntryView;
import vn.ocop.storefront.web.stock.StockJson.ProducerExpiringLotView;
import vn.ocop.storefront.web.stock.StockJson.StockView;

/** A producer's stock: receipts and counts at its warehouses, transfers to outlets, and its goods wherever they are. */
@RestController
@Tag(name = "Producer stock", description = "Your warehouses' receipts, counts and transfers, and your goods at every outlet (role PRODUCER)")
class ProducerStockApiController {

    private final Inventory inventory;
    private final StockReports reports;
    private final CurrentAccount current;
    private final Lots lots;
    private final Clock clock;

    ProducerStockApiController(Inventory inventory, StockReports reports, CurrentAccount current, Lots lots, Clock clock) {
        this.lots = lots;
        this.inventory = inventory;
        this.reports = reports;
        this.current = current;
        this.clock = clock;
    }

    record RecordRequest(@NotNull UUID locationId, @NotEmpty @Size(max = 200) List<@NotNull @Valid MovementForm> movements) {
    }

    record TransferRequest(@NotNull UUID id, @NotNull UUID fromLocationId, @NotNull UUID toLocationId, @NotNull UUID productId,
                           @NotNull @Min(1) @Max(Movement.MAX_QUANTITY) Integer quantity,
                           @Schema(description = "The lot to send, as printed on its label; without it the lots with the earliest use-by go first. "
                                   + "The units arrive as the same lot.") @Size(max = 40) String lotCode) {
        LotRef lot() {
            return lotCode == null || lotCode.isBlank() ? null : LotRef.named(lotCode);
        }
    }

    @GetMapping("/api/v1/producer/stock")
    @Operation(summary = "Your goods at every location", description = "Your warehouses and every outlet that keeps them: on hand, reserved, available.")
    Flux<StockView> stock() {
        return current.producer().flatMapMany(p -> reports.ofProducer(p, today())).map(StockView::of);
    }

    @PutMapping("/api/v1/producer/stock")
    @Operation(summary = "Record receipts and counts at one of your warehouses",
            description = "Each movement has an id you make (a UUID); sending it again records nothing more. A COUNT carries expected and counted, "
                    + "and applies counted − expected. Another's warehouse or product: 404.")
    Mono<List<RecordedMovement>> record(@Valid @RequestBody RecordRequest request) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return current.get().zipWith(current.producer())
                .flatMap(t -> inventory.recordAtWarehouse(t.getT2(), new LocationId(request.locationId()),
                        request.movements().stream().map(m -> m.movement(now)).toList(), t.getT1().email()));
    }

    @PostMapping("/api/v1/producer/transfers")
    @Operation(summary = "Send goods from your warehouse to an outlet",
            description = "TRANSFER_OUT at the warehouse and TRANSFER_IN at the destination, together; 409 when the warehouse does not have them available. "
                    + "The id you make makes a retry harmless.")
    Mono<RecordedMovement> transfer(@Valid @RequestBody TransferRequest request) {
        return current.get().zipWith(current.producer())
                .flatMap(t -> inventory.transfer(t.getT2(), request.id(), new LocationId(request.fromLocationId()),
                        new LocationId(request.toLocationId()), new ProductId(request.productId()), request.quantity(), request.lot(),
                        t.getT1().email()));
    }

    @GetMapping("/api/v1/producer/stock/history")
    @Operation(summary = "Movements of your goods at a location, newest first", description = "Optionally of one product.")
    Flux<EntryView> history(@RequestParam UUID locationId, @RequestParam(required = false) UUID productId) {
        return current.producer()
                .flatMapMany(p -> reports.history(new LocationId(locationId), productId == null ? null : new ProductId(productId), p))
                .map(EntryView::of);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CatalogClock.ZONE));
    }

    @GetMapping("/api/v1/producer/lots/expiring")
    @Operation(summary = "Lots expiring within 30 days or expired, soonest first",
            description = "Lots with units on hand anywhere they are held whose use-by date (Asia/Ho_Chi_Minh) is within 30 days or past (expired: true); "
                    + "recalled lots are not listed. Expired units are not available: sell the others first, take these back.")
    Flux<ProducerExpiringLotView> expiringLots() {
        return current.producer().flatMapMany(lots::expiringOf).map(ProducerExpiringLotView::of);
    }
}

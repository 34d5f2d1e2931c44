package vn.ocop.storefront.web.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogClock;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.lots.Lots;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.RecordedMovement;
import vn.ocop.catalog.stock.StockReports;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.stock.StockJson.DiscrepancyView;
import vn.ocop.storefront.web.stock.StockJson.EntryView;
import vn.ocop.storefront.web.stock.StockJson.StaffExpiringLotView;
import vn.ocop.storefront.web.stock.StockJson.StockView;

/** Stock at a staff member's own location: receipts, counts, history and the discrepancies tills raised. */
@RestController
@Tag(name = "Staff stock", description = "Stock, receipts, counts and discrepancies at your location (role STAFF)")
class StaffStockApiController {

    private final Inventory inventory;
    private final StockReports reports;
    private final CurrentAccount current;
    private final Lots lots;
    private final Clock clock;

    StaffStockApiController(Inventory inventory, StockReports reports, CurrentAccount current, Lots lots, Clock clock) {
        this.lots = lots;
        this.inventory = inventory;
        this.reports = reports;
        this.current = current;
        this.clock = clock;
    }

    record RecordRequest(@NotEmpty @Size(max = 200) List<@NotNull @Valid MovementForm> movements) {
    }

    record Resolution(@NotBlank @Size(max = 500) String resolution) {
    }

    @GetMapping("/api/v1/staff/stock")
    @Operation(summary = "Stock at your location, every producer's goods")
    Flux<StockView> stock() {
        return current.staffLocation().flatMapMany(l -> reports.at(l, LocalDate.now(clock.withZone(CatalogClock.ZONE)))).map(StockView::of);
    }

    @PutMapping("/api/v1/staff/stock")
    @Operation(summary = "Record receipts and counts at your location", description = "Ids made by you; a retry records nothing more.")
    Mono<List<RecordedMovement>> record(@Valid @RequestBody RecordRequest request) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return current.get().zipWith(current.staffLocation())
                .flatMap(t -> inventory.recordAtLocation(t.getT2(), request.movements().stream().map(m -> m.movement(now)).toList(),
                        t.getT1().email()));
    }

    @GetMapping("/api/v1/staff/stock/history")
    @Operation(summary = "Movements at your location, newest first", description = "Optionally of one product.")
    Flux<EntryView> history(@RequestParam(required = false) UUID productId) {
        return current.staffLocation()
                .flatMapMany(l -> reports.history(l, productId == null ? null : new ProductId(productId), null))
                .map(EntryView::of);
    }

    @GetMapping("/api/v1/staff/discrepancies")
    @Operation(summary = "Offline sales flagged at your location", description = "Open ones first: stock driven below zero, or sold when not on sale.")
    Flux<DiscrepancyView> discrepancies() {
        return current.staffLocation().flatMapMany(reports::discrepancies).map(DiscrepancyView::of);
    }

    @PostMapping("/api/v1/staff/discrepancies/{id}/resolve")
    @Operation(summary = "Resolve a discrepancy", description = "Say what was done (a count, goods found, a note to the producer). 409 when resolved already.")
    Mono<DiscrepancyView> resolve(@PathVariable UUID id, @Valid @RequestBody Resolution request) {
        return current.get().zipWith(current.staffLocation())
                .flatMap(t -> reports.resolve(t.getT2(), id, t.getT1().email(), request.resolution(), OffsetDateTime.now(clock)))
                .map(DiscrepancyView::of);
    }

    @GetMapping("/api/v1/staff/lots/expiring")
    @Operation(summary = "Lots expiring within 30 days or expired, soonest first",
            description = "Lots with units on hand at your location whose use-by date (Asia/Ho_Chi_Minh) is within 30 days or past (expired: true); "
                    + "recalled lots are not listed. Expired units are not available: sell the others first, take these back.")
    Flux<StaffExpiringLotView> expiringLots() {
        return current.staffLocation().flatMapMany(lots::expiringAt).map(StaffExpiringLotView::of);
    }
}

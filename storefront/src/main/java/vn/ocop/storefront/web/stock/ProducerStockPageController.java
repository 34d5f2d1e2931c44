package vn.ocop.storefront.web.stock;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.listings.Listings;
import vn.ocop.catalog.locations.Location;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.catalog.lots.Lot;
import vn.ocop.catalog.lots.LotStock;
import vn.ocop.catalog.lots.Lots;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.StockReports;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.stock.StockForms.MovementPageForm;
import vn.ocop.storefront.web.stock.StockForms.TransferPageForm;

/** A producer's stock page: its goods everywhere, receipts and counts at its warehouses, transfers to outlets, history. */
@Controller
@RequestMapping("/producer/stock")
class ProducerStockPageController {

    private final Inventory inventory;
    private final StockReports reports;
    private final Locations locations;
    private final Listings listings;
    private final CurrentAccount current;
    private final Catalog catalog;
    private final Lots lots;
    private final Clock clock;

    ProducerStockPageController(Inventory inventory, StockReports reports, Locations locations, Listings listings,
                                CurrentAccount current, Catalog catalog, Lots lots, Clock clock) {
        this.lots = lots;
        this.inventory = inventory;
        this.reports = reports;
        this.locations = locations;
        this.listings = listings;
        this.current = current;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping
    Mono<String> stock(Model model) {
        return current.producer().flatMap(p -> page(p, model, true, true));
    }

    @PostMapping
    Mono<String> record(@Valid @ModelAttribute("movementForm") MovementPageForm form, BindingResult errors, Model model) {
        return current.get().zipWith(current.producer()).flatMap(t -> {
            if (!StockPages.check(form, errors) || form.locationId() == null) {
                return page(t.getT2(), model, false, true);
            }
            return inventory.recordAtWarehouse(t.getT2(), new LocationId(form.locationId()), form.movements(OffsetDateTime.now(clock)), t.getT1().email())
                    .thenReturn("redirect:/producer/stock?recorded")
                    .onErrorResume(CatalogException.class, e -> StockPages.reject(e, errors).then(page(t.getT2(), model, false, true)));
        });
    }

    @PostMapping("/transfers")
    Mono<String> transfer(@Valid @ModelAttribute("transferForm") TransferPageForm form, BindingResult errors, Model model) {
        return current.get().zipWith(current.producer()).flatMap(t -> {
            if (errors.hasErrors()) {
                return page(t.getT2(), model, true, false);
            }
            return inventory.transfer(t.getT2(), form.id(), new LocationId(form.fromLocationId()), new LocationId(form.toLocationId()),
                            new ProductId(form.productId()), form.quantity(), form.lot(), t.getT1().email())
                    .thenReturn("redirect:/producer/stock?sent")
                    .onErrorResume(CatalogException.class, e -> StockPages.reject(e, errors).then(page(t.getT2(), model, true, false)));
        });
    }

    @GetMapping("/{locationId}/{productId}")
    Mono<String> history(@PathVariable UUID locationId, @PathVariable UUID productId, Model model) {
        return current.producer().flatMap(p -> {
            model.addAttribute("location", locations.get(new LocationId(locationId)));
            model.addAttribute("entries", reports.history(new LocationId(locationId), new ProductId(productId), p).collectList());
            model.addAttribute("back", "/producer/stock");
            return Mono.just("stock/history");
        });
    }

    private Mono<String> page(ProducerId producer, Model model, boolean freshMovement, boolean freshTransfer) {
        return locations.warehousesOf(producer).collectList().flatMap(warehouses -> {
            UUID first = warehouses.isEmpty() ? null : warehouses.get(0).id().value();
            if (freshMovement) {
                model.addAttribute("movementForm", MovementPageForm.blank(first));
            }
            if (freshTransfer) {
                model.addAttribute("transferForm", TransferPageForm.blank(first));
            }
            model.addAttribute("warehouses", warehouses);
            model.addAttribute("outlets", locations.outlets(null, null).collectList());
            LocalDate today = catalog.today();
            model.addAttribute("levels", reports.ofProducer(producer, today).collectList());
            model.addAttribute("lots", lots.ofProducer(producer).collectList().map(l -> StockPageModel.lotsByRow(l, today)));
            model.addAttribute("expiring", lots.expiringOf(producer).collectList().map(l -> StockPageModel.lines(l, today)));
            // each lot held somewhere once, with its "Thu hồi lô" link
            model.addAttribute("recallable", lots.ofProducer(producer).map(LotStock::lot).distinct(Lot::id).collectList());
            model.addAttribute("names", locations.all(null, null).collectMap(Location::id, Location::name));
            model.addAttribute("products", listings.of(producer)
                    .collect(LinkedHashMap<UUID, String>::new, (byName, l) -> byName.put(l.id().value(), l.name())));
            return Mono.just("producer/stock");
        });
    }
}

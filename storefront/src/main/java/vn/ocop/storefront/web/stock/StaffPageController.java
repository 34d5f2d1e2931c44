package vn.ocop.storefront.web.stock;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.stock.Inventory;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.catalog.lots.Lots;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.stock.StockReports;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.stock.StockForms.MovementPageForm;
import vn.ocop.storefront.web.stock.StockForms.ResolveForm;

/** Staff at their own location: its stock, receipts and counts, one product's history, and the discrepancies tills raised. */
@Controller
@RequestMapping("/staff")
class StaffPageController {

    private final Inventory inventory;
    private final StockReports reports;
    private final Locations locations;
    private final CurrentAccount current;
    private final Catalog catalog;
    private final Lots lots;
    private final Clock clock;

    StaffPageController(Inventory inventory, StockReports reports, Locations locations, CurrentAccount current, Catalog catalog, Lots lots,
                        Clock clock) {
        this.lots = lots;
        this.inventory = inventory;
        this.reports = reports;
        this.locations = locations;
        this.current = current;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping({"", "/stock"})
    Mono<String> stock(Model model) {
        model.addAttribute("movementForm", MovementPageForm.blank(null));
        return current.staffLocation().flatMap(location -> stockPage(location, model));
    }

    @PostMapping("/stock")
    Mono<String> record(@Valid @ModelAttribute("movementForm") MovementPageForm form, BindingResult errors, Model model) {
        return current.get().zipWith(current.staffLocation()).flatMap(t -> {
            if (!StockPages.check(form, errors)) {
                return stockPage(t.getT2(), model);
            }
            return inventory.recordAtLocation(t.getT2(), form.movements(OffsetDateTime.now(clock)), t.getT1().email())
                    .thenReturn("redirect:/staff/stock?recorded")
                    .onErrorResume(CatalogException.class, e -> StockPages.reject(e, errors).then(stockPage(t.getT2(), model)));
        });
    }

    @GetMapping("/stock/{productId}")
    Mono<String> history(@PathVariable UUID productId, Model model) {
        return current.staffLocation().flatMap(location -> {
            model.addAttribute("location", locations.get(location));
            model.addAttribute("entries", reports.history(location, new ProductId(productId), null).collectList());
            model.addAttribute("back", "/staff/stock");
            return Mono.just("stock/history");
        });
    }

    @GetMapping("/discrepancies")
    Mono<String> discrepancies(Model model) {
        return current.staffLocation().flatMap(location -> discrepancyPage(location, null, model));
    }

    @PostMapping("/discrepancies/{id}/resolve")
    Mono<String> resolve(@PathVariable UUID id, @Valid @ModelAttribute("resolveForm") ResolveForm form, BindingResult errors, Model model) {
        return current.get().zipWith(current.staffLocation()).flatMap(t -> {
            if (errors.hasErrors()) {
                return discrepancyPage(t.getT2(), id, model);
            }
            return reports.resolve(t.getT2(), id, t.getT1().email(), form.resolution(), OffsetDateTime.now(clock))
                    .thenReturn("redirect:/staff/discrepancies?resolved")
                    .onErrorResume(CatalogException.class, e -> {
                        if (e.code() != CatalogErrorCode.INVALID_STATE) {
                            return Mono.error(e);
                        }
                        errors.rejectValue("resolution", "discrepancy.resolve.already", e.getMessage());
                        return discrepancyPage(t.getT2(), id, model);
                    });
        });
    }

    private Mono<String> stockPage(LocationId location, Model model) {
        model.addAttribute("location", locations.get(location));
        LocalDate today = catalog.today();
        var levels = reports.at(location, today).collectList().cache();
        model.addAttribute("lots", lots.at(location).collectList().map(l -> StockPageModel.lotsByRow(l, today)));
        model.addAttribute("expiring", lots.expiringAt(location).collectList().map(l -> StockPageModel.lines(l, today)));
        model.addAttribute("levels", levels);
        model.addAttribute("products", levels.map(StockPageModel::products));
        return Mono.just("staff/stock");
    }

    private Mono<String> discrepancyPage(LocationId location, UUID failed, Model model) {
        if (!model.containsAttribute("resolveForm")) {
            model.addAttribute("resolveForm", new ResolveForm(""));
        }
        model.addAttribute("failed", failed);
        model.addAttribute("location", locations.get(location));
        model.addAttribute("discrepancies", reports.discrepancies(location).collectList());
        return Mono.just("staff/discrepancies");
    }
}

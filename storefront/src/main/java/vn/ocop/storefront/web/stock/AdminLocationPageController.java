package vn.ocop.storefront.web.stock;

import jakarta.validation.Valid;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.LocationKind;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.catalog.stock.TillKeys;
import vn.ocop.storefront.web.stock.StockForms.KeyForm;
import vn.ocop.storefront.web.stock.StockForms.LocationForm;
import vn.ocop.storefront.web.stock.StockForms.RevokeKeyForm;
import vn.ocop.storefront.web.Confirmation;

/** An administrator's locations: the list, opening one, changing one, and each location's till keys. */
@Controller
@RequestMapping("/admin/locations")
class AdminLocationPageController {

    private final Locations locations;
    private final TillKeys keys;

    AdminLocationPageController(Locations locations, TillKeys keys) {
        this.locations = locations;
        this.keys = keys;
    }

    @GetMapping
    Mono<String> list(Model model) {
        model.addAttribute("locationForm", LocationForm.blank());
        return listPage(model);
    }

    @PostMapping
    Mono<String> open(@Valid @ModelAttribute("locationForm") LocationForm form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return listPage(model);
        }
        return Mono.fromCallable(form::details)
                .flatMap(locations::open)
                .map(l -> "redirect:/admin/locations/" + l.id().value() + "?saved")
                .onErrorResume(CatalogException.class, e -> refuse(e, errors).then(listPage(model)));
    }

    @GetMapping("/{id}")
    Mono<String> location(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return locations.get(new LocationId(id)).flatMap(l -> {
            model.addAttribute("locationForm", LocationForm.of(l));
            model.addAttribute("keyForm", new KeyForm(""));
            return IssuedOnce.take(exchange).map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(issued -> locationPage(new LocationId(id), issued.orElse(null), model));
        });
    }

    @PostMapping("/{id}")
    Mono<String> edit(@PathVariable UUID id, @Valid @ModelAttribute("locationForm") LocationForm form, BindingResult errors, Model model) {
        LocationId location = new LocationId(id);
        model.addAttribute("keyForm", new KeyForm(""));
        if (errors.hasErrors()) {
            return locationPage(location, null, model);
        }
        return Mono.fromCallable(form::details)
                .flatMap(details -> locations.edit(location, details))
                .map(l -> "redirect:/admin/locations/" + id + "?saved")
                .onErrorResume(CatalogException.class, e -> refuse(e, errors).then(locationPage(location, null, model)));
    }

    @PostMapping("/{id}/till-keys")
    Mono<String> issue(@PathVariable UUID id, @Valid @ModelAttribute("keyForm") KeyForm form, BindingResult errors, ServerWebExchange exchange,
                       Model model) {
        LocationId location = new LocationId(id);
        return locations.get(location).flatMap(l -> {
            model.addAttribute("locationForm", LocationForm.of(l));
            if (errors.hasErrors()) {
                return locationPage(location, null, model);
            }
            return keys.issue(location, form.label()).flatMap(issued -> IssuedOnce.keep(exchange, issued))
                    .thenReturn("redirect:/admin/locations/" + id + "#till-keys");
        });
    }

    @PostMapping("/{id}/till-keys/{keyId}/revoke")
    Mono<String> revoke(@PathVariable UUID id, @PathVariable UUID keyId, @ModelAttribute RevokeKeyForm form, ServerWebExchange exchange,
                        Model model) {
        LocationId location = new LocationId(id);
        if (!Confirmation.given(form.confirmed())) {
            Confirmation.refuse(exchange);
            model.addAttribute("keyForm", new KeyForm(""));
            model.addAttribute("keyProblem", Confirmation.REQUIRED);
            return locations.get(location).flatMap(l -> {
                model.addAttribute("locationForm", LocationForm.of(l));
                return locationPage(location, null, model);
            });
        }
        return keys.revoke(location, keyId).thenReturn("redirect:/admin/locations/" + id + "?revoked#till-keys");
    }

    private Mono<String> listPage(Model model) {
        model.addAttribute("kinds", LocationKind.values());
        model.addAttribute("all", locations.all(null, null).collectList());
        return Mono.just("admin/locations");
    }

    private Mono<String> locationPage(LocationId id, IssuedOnce.Shown issued, Model model) {
        model.addAttribute("kinds", LocationKind.values());
        model.addAttribute("location", locations.get(id));
        model.addAttribute("keys", keys.of(id).collectList());
        model.addAttribute("issued", issued);
        model.addAttribute("base", "/admin/locations/" + id.value());
        return Mono.just("admin/location");
    }

    private static Mono<Void> refuse(CatalogException e, BindingResult errors) {
        if (e.code() != CatalogErrorCode.INVALID_LOCATION && e.code() != CatalogErrorCode.INVALID_STATE) {
            return Mono.error(e);
        }
        errors.reject(e.code() == CatalogErrorCode.INVALID_STATE ? "location.error.state" : "location.error");
        return Mono.empty();
    }
}

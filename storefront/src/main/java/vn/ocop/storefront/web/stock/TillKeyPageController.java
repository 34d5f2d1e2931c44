package vn.ocop.storefront.web.stock;

import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.IssuedTillKey;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.Locations;
import vn.ocop.catalog.TillKeys;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.stock.StockForms.KeyForm;

/** Staff make and revoke their location's till keys; a new key's secret is on the answering page and nowhere else. */
@Controller
class TillKeyPageController {

    private final TillKeys keys;
    private final Locations locations;
    private final CurrentAccount current;

    TillKeyPageController(TillKeys keys, Locations locations, CurrentAccount current) {
        this.keys = keys;
        this.locations = locations;
        this.current = current;
    }

    @GetMapping("/staff/till-keys")
    Mono<String> list(Model model) {
        model.addAttribute("keyForm", new KeyForm(""));
        return current.staffLocation().flatMap(location -> page(location, null, model));
    }

    @PostMapping("/staff/till-keys")
    Mono<String> issue(@Valid @ModelAttribute("keyForm") KeyForm form, BindingResult errors, Model model) {
        return current.staffLocation().flatMap(location -> errors.hasErrors()
                ? page(location, null, model)
                : keys.issue(location, form.label()).flatMap(issued -> {
                    model.addAttribute("keyForm", new KeyForm(""));
                    return page(location, issued, model);
                }));
    }

    @PostMapping("/staff/till-keys/{keyId}/revoke")
    Mono<String> revoke(@PathVariable UUID keyId) {
        return current.staffLocation().flatMap(location -> keys.revoke(location, keyId)).thenReturn("redirect:/staff/till-keys");
    }

    private Mono<String> page(LocationId location, IssuedTillKey issued, Model model) {
        model.addAttribute("location", locations.get(location));
        model.addAttribute("keys", keys.of(location).collectList());
        model.addAttribute("issued", issued);
        model.addAttribute("base", "/staff");
        return Mono.just("staff/till-keys");
    }
}

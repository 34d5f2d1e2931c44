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
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.LocationId;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.catalog.stock.TillKeys;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.Confirmation;
import vn.ocop.storefront.web.stock.StockForms.KeyForm;
import vn.ocop.storefront.web.stock.StockForms.RevokeKeyForm;

/**
 * Staff make and revoke their location's till keys: a new key's secret shows once, on the page after the redirect
 * ({@link IssuedOnce}); revoking asks for "Tôi xác nhận".
 */
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
    Mono<String> list(ServerWebExchange exchange, Model model) {
        model.addAttribute("keyForm", new KeyForm(""));
        return current.staffLocation().flatMap(location -> IssuedOnce.take(exchange).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(issued -> page(location, issued.orElse(null), model)));
    }

    @PostMapping("/staff/till-keys")
    Mono<String> issue(@Valid @ModelAttribute("keyForm") KeyForm form, BindingResult errors, ServerWebExchange exchange, Model model) {
        return current.staffLocation().flatMap(location -> errors.hasErrors()
                ? page(location, null, model)
                : keys.issue(location, form.label()).flatMap(issued -> IssuedOnce.keep(exchange, issued)).thenReturn("redirect:/staff/till-keys"));
    }

    @PostMapping("/staff/till-keys/{keyId}/revoke")
    Mono<String> revoke(@PathVariable UUID keyId, @ModelAttribute RevokeKeyForm form, ServerWebExchange exchange, Model model) {
        if (!Confirmation.given(form.confirmed())) {
            Confirmation.refuse(exchange);
            model.addAttribute("keyForm", new KeyForm(""));
            model.addAttribute("keyProblem", Confirmation.REQUIRED);
            return current.staffLocation().flatMap(location -> page(location, null, model));
        }
        return current.staffLocation().flatMap(location -> keys.revoke(location, keyId)).thenReturn("redirect:/staff/till-keys?revoked");
    }

    private Mono<String> page(LocationId location, IssuedOnce.Shown issued, Model model) {
        model.addAttribute("location", locations.get(location));
        model.addAttribute("keys", keys.of(location).collectList());
        model.addAttribute("issued", issued);
        model.addAttribute("base", "/staff");
        return Mono.just("staff/till-keys");
    }
}

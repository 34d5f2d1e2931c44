package vn.ocop.storefront.web.money;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.locations.Location;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.orders.Commissions;
import vn.ocop.orders.InvalidMoneyRequest;
import vn.ocop.orders.Money;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.money.MoneyForms.CommissionForm;
import vn.ocop.storefront.web.money.MoneyForms.Problems;

/**
 * ADMIN's money page: the commission rates in force and their whole history, a form to set a rate from a day (online
 * per OCOP group, consignment per outlet), and every producer with money in the ledger, what the marketplace owes it,
 * and a link to its statement.
 */
@Controller
class CommissionPageController {

    private static final String FORM = "commissionForm";

    private final Commissions commissions;
    private final Money money;
    private final Locations locations;
    private final CurrentAccount current;

    CommissionPageController(Commissions commissions, Money money, Locations locations, CurrentAccount current) {
        this.commissions = commissions;
        this.money = money;
        this.locations = locations;
        this.current = current;
    }

    @GetMapping("/admin/money")
    Mono<String> page(Model model) {
        model.addAttribute(FORM, CommissionForm.online()).addAttribute("problems", new Problems());
        return page(model, null);
    }

    @PostMapping("/admin/money/commission")
    Mono<String> set(@Valid @ModelAttribute(FORM) CommissionForm form, BindingResult binding, Model model, ServerWebExchange exchange) {
        Problems problems = new Problems();
        binding.getFieldErrors().forEach(f -> problems.add(f.getField()));
        model.addAttribute("problems", problems);
        if (problems.any()) {
            return page(model, exchange);
        }
        return current.get().flatMap(admin -> Mono.fromCallable(form::change).flatMap(change -> commissions.set(change, admin.email())))
                .thenReturn("redirect:/admin/money?saved")
                .onErrorResume(InvalidMoneyRequest.class, e -> {
                    problems.addAll(e);
                    return page(model, exchange);
                });
    }

    private Mono<String> page(Model model, ServerWebExchange refused) {
        if (refused != null) {
            refused.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
        }
        Mono<List<Location>> outlets = locations.outlets(null, null).collectList().cache();
        model.addAttribute("groups", List.of(OcopGroup.values()))
                .addAttribute("outlets", outlets)
                .addAttribute("outletNames", outlets.map(all -> all.stream().collect(java.util.stream.Collectors.toMap(Location::id, Location::name))))
                .addAttribute("inForce", commissions.inForce())
                .addAttribute("history", commissions.history().collectList())
                .addAttribute("balances", money.balances());
        return Mono.just("money/admin");
    }
}

package vn.ocop.storefront.web.shipping;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.orders.InvalidRateTable;
import vn.ocop.orders.RateTableChange;
import vn.ocop.orders.Shipping;
import vn.ocop.storefront.security.CurrentAccount;

/** ADMIN's shipping rate page: the table by zone and weight band, edited in place; a table with gaps or overlaps is shown back with each wrong field marked and nothing saved. */
@Controller
class ShippingRatesPageController {

    private final Shipping shipping;
    private final CurrentAccount current;

    ShippingRatesPageController(Shipping shipping, CurrentAccount current) {
        this.shipping = shipping;
        this.current = current;
    }

    @GetMapping("/admin/shipping")
    Mono<String> page(Model model) {
        return shipping.table().flatMap(t -> page(RateTableForm.of(t), model));
    }

    @PostMapping("/admin/shipping")
    Mono<String> save(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(data -> {
            RateTableForm form = RateTableForm.read(data);
            var table = form.table();
            if (table == null) {
                exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                return page(form.withBlankRows(), model);
            }
            return current.get().flatMap(admin -> shipping.replace(table, admin.email()))
                    .thenReturn("redirect:/admin/shipping?saved")
                    .onErrorResume(InvalidRateTable.class, e -> {
                        form.problems(e.errors());
                        exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                        return page(form.withBlankRows(), model);
                    });
        });
    }

    private Mono<String> page(RateTableForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("change", shipping.lastChange().map(Optional::of).defaultIfEmpty(Optional.<RateTableChange>empty()));
        return Mono.just("admin/shipping");
    }
}

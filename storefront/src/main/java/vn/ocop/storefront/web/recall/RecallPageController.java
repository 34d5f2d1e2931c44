package vn.ocop.storefront.web.recall;

import jakarta.validation.Valid;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.lots.Lot;
import vn.ocop.catalog.LotId;
import vn.ocop.catalog.lots.Lots;
import vn.ocop.orders.LotRecallOutcome;
import vn.ocop.orders.Recalls;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.Confirmation;

/**
 * The "Thu hồi lô" page of one lot: its product, code and dates, and a form with the reason and the "Tôi xác nhận" box;
 * once recalled, when and why. The producer reaches its own lots ({@code /producer/lots/{id}/recall}), a council those
 * of the products it ranks ({@code /council/lots/{id}/recall}); any other lot is a 404. Mistakes show on the form.
 */
@Controller
class RecallPageController {

    private final Lots lots;
    private final Recalls recalls;
    private final CurrentAccount current;
    private final Catalog catalog;

    RecallPageController(Lots lots, Recalls recalls, CurrentAccount current, Catalog catalog) {
        this.lots = lots;
        this.recalls = recalls;
        this.current = current;
        this.catalog = catalog;
    }

    @GetMapping("/producer/lots/{id}/recall")
    Mono<String> producerPage(@PathVariable UUID id, Model model) {
        model.addAttribute("recallForm", RecallForm.blank());
        return current.producer().flatMap(p -> page(lots.own(p, new LotId(id)), Role.PRODUCER, model));
    }

    @PostMapping("/producer/lots/{id}/recall")
    Mono<String> producerRecall(@PathVariable UUID id, @Valid @ModelAttribute("recallForm") RecallForm form, BindingResult errors,
                                Model model, ServerWebExchange exchange) {
        return current.get().zipWith(current.producer()).flatMap(t -> recall(lots.own(t.getT2(), new LotId(id)), Role.PRODUCER, form, errors,
                model, exchange, lot -> recalls.byProducer(t.getT2(), lot.id(), form.reason(), t.getT1().email())));
    }

    @GetMapping("/council/lots/{id}/recall")
    Mono<String> councilPage(@PathVariable UUID id, Model model) {
        model.addAttribute("recallForm", RecallForm.blank());
        return current.councilScope().flatMap(s -> page(lots.inScope(s, new LotId(id)), Role.COUNCIL, model));
    }

    @PostMapping("/council/lots/{id}/recall")
    Mono<String> councilRecall(@PathVariable UUID id, @Valid @ModelAttribute("recallForm") RecallForm form, BindingResult errors,
                               Model model, ServerWebExchange exchange) {
        return current.get().zipWith(current.councilScope()).flatMap(t -> recall(lots.inScope(t.getT2(), new LotId(id)), Role.COUNCIL, form,
                errors, model, exchange, lot -> recalls.byCouncil(t.getT2(), lot.id(), form.reason(), t.getT1().email())));
    }

    /** Who is recalling: where the page lives and where "back" leads. */
    enum Role {
        PRODUCER, COUNCIL;

        String path(Lot lot) {
            return (this == PRODUCER ? "/producer" : "/council") + "/lots/" + lot.id().value() + "/recall";
        }

        String back(Lot lot) {
            return this == PRODUCER ? "/producer/stock" : "/council?product=" + lot.product().value() + "#lots";
        }
    }

    private Mono<String> recall(Mono<Lot> found, Role role, RecallForm form, BindingResult errors, Model model, ServerWebExchange exchange,
                                Function<Lot, Mono<LotRecallOutcome>> recall) {
        return visible(found).flatMap(lot -> {
            if (!Confirmation.given(form.confirmed())) {
                errors.rejectValue(Confirmation.FIELD, Confirmation.REQUIRED);
            }
            if (errors.hasErrors()) {
                Confirmation.refuse(exchange);
                return show(lot, role, model);
            }
            return recall.apply(lot)
                    .thenReturn("redirect:" + role.path(lot) + "?recalled")
                    .onErrorResume(e -> e instanceof CatalogException c && c.code() == CatalogErrorCode.INVALID_RECALL, e -> {
                        errors.rejectValue("reason", "recall.reason.invalid", e.getMessage());
                        Confirmation.refuse(exchange);
                        return show(lot, role, model);
                    });
        });
    }

    private Mono<String> page(Mono<Lot> found, Role role, Model model) {
        return visible(found).flatMap(lot -> show(lot, role, model));
    }

    private static Mono<Lot> visible(Mono<Lot> found) {
        return found.switchIfEmpty(Mono.error(() -> CatalogException.notFound("lot")));
    }

    private Mono<String> show(Lot lot, Role role, Model model) {
        model.addAttribute("lot", lot);
        model.addAttribute("status", lot.status(catalog.today()));
        model.addAttribute("action", role.path(lot));
        model.addAttribute("back", role.back(lot));
        if (lot.recalledAt() == null) {
            return Mono.just("recall/lot");
        }
        // counted, no order named: a council sees no shopper's order
        return recalls.reached(lot.id()).collectList().map(vn.ocop.orders.RecallReach::of)
                .doOnNext(r -> model.addAttribute("reached", r)).thenReturn("recall/lot");
    }
}

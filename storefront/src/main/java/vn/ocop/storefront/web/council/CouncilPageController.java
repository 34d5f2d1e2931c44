package vn.ocop.storefront.web.council;

import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.listings.Catalog;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.rankings.InvalidRanking;
import vn.ocop.catalog.lots.Lots;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.rankings.RankingLevel;
import vn.ocop.catalog.councils.Rankings;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.Confirmation;

/**
 * The council's desk: rankings that end within 60 days (each with a revoke form), a product search, and for the
 * chosen product its ranking history and a form to record a new decision. A provincial council sees only its
 * province's producers and is offered only the levels it may grant. Mistakes are shown on the forms.
 */
@Controller
@RequestMapping("/council")
class CouncilPageController {

    static final int EXPIRING_DAYS = 60;
    static final int SEARCH_LIMIT = 20;

    private final Rankings rankings;
    private final Catalog catalog;
    private final CurrentAccount current;
    private final Lots lots;

    CouncilPageController(Rankings rankings, Catalog catalog, CurrentAccount current, Lots lots) {
        this.lots = lots;
        this.rankings = rankings;
        this.catalog = catalog;
        this.current = current;
    }

    @GetMapping
    Mono<String> desk(@RequestParam(required = false) String q, @RequestParam(required = false) UUID product, Model model) {
        model.addAttribute("rankingForm", RankingForm.blank(product, catalog.today()));
        model.addAttribute("revokeForm", new RevokeForm(""));
        return desk(new DeskQuery(q, product), model);
    }

    @PostMapping("/certifications")
    Mono<String> record(@Valid @ModelAttribute("rankingForm") RankingForm form, BindingResult errors,
                        @RequestParam(required = false) String q, Model model) {
        DeskQuery at = new DeskQuery(q, form.productId());
        model.addAttribute("revokeForm", new RevokeForm(""));
        if (errors.hasErrors()) {
            return desk(at, model);
        }
        return Mono.fromCallable(form::decision)
                .flatMap(decision -> current.councilScope().flatMap(scope -> rankings.record(scope, decision)))
                .map(recorded -> "redirect:" + at.desk("recorded"))
                .onErrorResume(InvalidRanking.class, e -> {
                    errors.rejectValue(e.field(), "council.rule." + e.rule().name(), e.getMessage());
                    return desk(at, model);
                })
                .onErrorResume(e -> refused(e, CatalogErrorCode.OUTSIDE_MANDATE), e -> {
                    errors.rejectValue("level", "council.mandate.level", e.getMessage());
                    return desk(at, model);
                });
    }

    @PostMapping("/certifications/{id}/revoke")
    Mono<String> revoke(@PathVariable UUID id, @Valid @ModelAttribute("revokeForm") RevokeForm form, BindingResult errors,
                        @RequestParam(required = false) String q, @RequestParam(required = false) UUID product, Model model,
                        ServerWebExchange exchange) {
        DeskQuery at = new DeskQuery(q, product);
        model.addAttribute("rankingForm", RankingForm.blank(product, catalog.today()));
        model.addAttribute("revokeTarget", id);
        if (!Confirmation.given(form.confirmed())) {
            errors.rejectValue(Confirmation.FIELD, Confirmation.REQUIRED);
        }
        if (errors.hasErrors()) {
            Confirmation.refuse(exchange);
            return desk(at, model);
        }
        return current.councilScope()
                .flatMap(scope -> rankings.revoke(scope, new CertificationId(id), form.reason()))
                .map(revoked -> "redirect:" + at.desk("revoked"))
                .onErrorResume(e -> refused(e, CatalogErrorCode.INVALID_STATE), e -> {
                    errors.rejectValue("reason", "council.revoke.already-revoked", e.getMessage());
                    return desk(at, model);
                })
                .onErrorResume(e -> refused(e, CatalogErrorCode.OUTSIDE_MANDATE), e -> {
                    errors.rejectValue("reason", "council.mandate.revoke", e.getMessage());
                    return desk(at, model);
                });
    }

    private Mono<String> desk(DeskQuery at, Model model) {
        return current.councilScope().map(scope -> {
            model.addAttribute("scope", scope);
            model.addAttribute("productQuery", at.text());
            model.addAttribute("keep", at.query(null));
            model.addAttribute("levels", Arrays.stream(RankingLevel.values()).filter(scope::mayRecord).toList());
            model.addAttribute("expiringDays", EXPIRING_DAYS);
            model.addAttribute("expiring", rankings.expiring(scope, EXPIRING_DAYS).collectList());
            model.addAttribute("found", at.text() == null ? Mono.just(List.of())
                    : rankings.findProducts(scope, at.text(), SEARCH_LIMIT).collectList());
            if (at.product() != null) {
                ProductId chosen = new ProductId(at.product());
                model.addAttribute("chosen", rankings.product(scope, chosen));
                model.addAttribute("history", rankings.history(scope, chosen).collectList());
                // the product's lots, each with its "Thu hồi lô" link (the product is in the council's scope: checked above)
                model.addAttribute("lots", rankings.product(scope, chosen).flatMapMany(p -> lots.ofProduct(chosen)).collectList());
            }
            return "council/desk";
        });
    }

    private static boolean refused(Throwable e, CatalogErrorCode code) {
        return e instanceof CatalogException refused && refused.code() == code;
    }
}

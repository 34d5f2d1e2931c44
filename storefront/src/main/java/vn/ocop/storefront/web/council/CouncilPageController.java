package vn.ocop.storefront.web.council;

import jakarta.validation.Valid;
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
import reactor.core.publisher.Mono;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.CertificationId;
import vn.ocop.catalog.InvalidRanking;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.RankingLevel;
import vn.ocop.catalog.Rankings;

/**
 * The council's desk: rankings that end within 60 days (each with a revoke form), a product search, and for the
 * chosen product its ranking history and a form to record a new decision. Mistakes are shown on the forms.
 */
@Controller
@RequestMapping("/council")
class CouncilPageController {

    static final int EXPIRING_DAYS = 60;
    static final int SEARCH_LIMIT = 20;

    private final Rankings rankings;
    private final Catalog catalog;

    CouncilPageController(Rankings rankings, Catalog catalog) {
        this.rankings = rankings;
        this.catalog = catalog;
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
                .flatMap(rankings::record)
                .map(recorded -> "redirect:" + at.desk("recorded"))
                .onErrorResume(InvalidRanking.class, e -> {
                    errors.rejectValue(e.field(), "council.rule." + e.rule().name(), e.getMessage());
                    return desk(at, model);
                });
    }

    @PostMapping("/certifications/{id}/revoke")
    Mono<String> revoke(@PathVariable UUID id, @Valid @ModelAttribute("revokeForm") RevokeForm form, BindingResult errors,
                        @RequestParam(required = false) String q, @RequestParam(required = false) UUID product, Model model) {
        DeskQuery at = new DeskQuery(q, product);
        model.addAttribute("rankingForm", RankingForm.blank(product, catalog.today()));
        model.addAttribute("revokeTarget", id);
        if (errors.hasErrors()) {
            return desk(at, model);
        }
        return rankings.revoke(new CertificationId(id), form.reason())
                .map(revoked -> "redirect:" + at.desk("revoked"))
                .onErrorResume(CatalogException.class, e -> {
                    if (e.code() != CatalogErrorCode.INVALID_STATE) {
                        return Mono.error(e);
                    }
                    errors.rejectValue("reason", "council.revoke.already-revoked", e.getMessage());
                    return desk(at, model);
                });
    }

    private Mono<String> desk(DeskQuery at, Model model) {
        model.addAttribute("productQuery", at.text());
        model.addAttribute("keep", at.query(null));
        model.addAttribute("levels", RankingLevel.values());
        model.addAttribute("expiringDays", EXPIRING_DAYS);
        model.addAttribute("expiring", rankings.expiring(EXPIRING_DAYS).collectList());
        model.addAttribute("found", at.text() == null ? Mono.just(List.of())
                : rankings.findProducts(at.text(), SEARCH_LIMIT).collectList());
        if (at.product() != null) {
            ProductId chosen = new ProductId(at.product());
            model.addAttribute("chosen", rankings.product(chosen));
            model.addAttribute("history", rankings.history(chosen).collectList());
        }
        return Mono.just("council/desk");
    }
}

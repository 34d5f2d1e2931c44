package vn.ocop.storefront.web.onboarding;

import jakarta.validation.Valid;
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
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.producers.ProducerDirectory;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.producers.ProducerStatus;

/** ADMIN's producers: find one by name or tax code, see its details, suspend it with a reason or reactivate it. */
@Controller
@RequestMapping("/admin/producers")
class AdminProducersPageController {

    static final int PAGE_SIZE = 50;

    private final ProducerDirectory producers;

    AdminProducersPageController(ProducerDirectory producers) {
        this.producers = producers;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) ProducerStatus status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        int from = Math.max(0, Math.min(page, 10_000)) * PAGE_SIZE;
        model.addAttribute("q", q).addAttribute("status", status).addAttribute("statuses", ProducerStatus.values())
                .addAttribute("page", from / PAGE_SIZE).addAttribute("pageSize", PAGE_SIZE)
                .addAttribute("producers", producers.list(q, status, from, PAGE_SIZE).collectList())
                .addAttribute("total", producers.count(q, status));
        return "admin/producers";
    }

    @GetMapping("/{id}")
    Mono<String> one(@PathVariable UUID id, Model model) {
        model.addAttribute("reasonForm", new ReasonForm(""));
        return page(id, model);
    }

    @PostMapping("/{id}/suspend")
    Mono<String> suspend(@PathVariable UUID id, @Valid @ModelAttribute("reasonForm") ReasonForm form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return page(id, model);
        }
        return producers.suspend(new ProducerId(id), form.reason())
                .thenReturn("redirect:/admin/producers/" + id + "?suspended")
                .onErrorResume(AdminProducersPageController::invalidState, e -> stale(id, model));
    }

    @PostMapping("/{id}/reactivate")
    Mono<String> reactivate(@PathVariable UUID id, Model model) {
        model.addAttribute("reasonForm", new ReasonForm(""));
        return producers.reactivate(new ProducerId(id))
                .thenReturn("redirect:/admin/producers/" + id + "?reactivated")
                .onErrorResume(AdminProducersPageController::invalidState, e -> stale(id, model));
    }

    private Mono<String> page(UUID id, Model model) {
        return producers.find(new ProducerId(id)).map(p -> {
            model.addAttribute("producer", p);
            return "admin/producer";
        });
    }

    private Mono<String> stale(UUID id, Model model) {
        model.addAttribute("stale", true);
        return page(id, model);
    }

    private static boolean invalidState(Throwable e) {
        return e instanceof CatalogException c && c.code() == CatalogErrorCode.INVALID_STATE;
    }
}

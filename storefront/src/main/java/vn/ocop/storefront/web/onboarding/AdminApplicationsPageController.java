package vn.ocop.storefront.web.onboarding;

import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.server.reactive.ServerHttpRequest;
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
import vn.ocop.catalog.producers.ApplicationId;
import vn.ocop.catalog.producers.ApplicationStatus;
import vn.ocop.catalog.producers.Banks;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.producers.Onboarding;
import vn.ocop.storefront.account.EmailAlreadyRegistered;
import vn.ocop.storefront.account.PublicAddress;

/**
 * ADMIN's applications: the list by status (waiting ones first), one application with every detail, and its
 * approve and reject forms. A refusal (decided already, e-mail taken, tax code registered) is said on the page.
 */
@Controller
@RequestMapping("/admin/producer-applications")
class AdminApplicationsPageController {

    static final int LISTED = 100;

    private final Onboarding onboarding;
    private final Approvals approvals;
    private final PublicAddress address;

    AdminApplicationsPageController(Onboarding onboarding, Approvals approvals, PublicAddress address) {
        this.onboarding = onboarding;
        this.approvals = approvals;
        this.address = address;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "PENDING") ApplicationStatus status, Model model) {
        model.addAttribute("status", status).addAttribute("statuses", ApplicationStatus.values())
                .addAttribute("applications", onboarding.applications(status, LISTED).collectList());
        return "admin/applications";
    }

    @GetMapping("/{id}")
    Mono<String> one(@PathVariable UUID id, Model model) {
        model.addAttribute("reasonForm", new ReasonForm(""));
        return page(id, model);
    }

    @PostMapping("/{id}/approve")
    Mono<String> approve(@PathVariable UUID id, Model model, ServerHttpRequest request) {
        model.addAttribute("reasonForm", new ReasonForm(""));
        return approvals.approve(new ApplicationId(id), address.of(request))
                .map(done -> "redirect:/admin/producer-applications/" + id + (done.mailed() ? "?approved" : "?approved&notMailed"))
                .onErrorResume(EmailAlreadyRegistered.class, e -> refused("accounts.admin.application.email-taken", id, model))
                .onErrorResume(e -> refusal(e) != null, e -> refused(refusal(e), id, model));
    }

    @PostMapping("/{id}/reject")
    Mono<String> reject(@PathVariable UUID id, @Valid @ModelAttribute("reasonForm") ReasonForm form, BindingResult errors,
                        Model model, ServerHttpRequest request) {
        if (errors.hasErrors()) {
            return page(id, model);
        }
        return approvals.reject(new ApplicationId(id), form.reason(), address.of(request))
                .map(done -> "redirect:/admin/producer-applications/" + id + (done.mailed() ? "?rejected" : "?rejected&notMailed"))
                .onErrorResume(e -> refusal(e) != null, e -> refused(refusal(e), id, model));
    }

    private Mono<String> page(UUID id, Model model) {
        return onboarding.application(new ApplicationId(id)).map(a -> {
            model.addAttribute("submitted", a)
                    .addAttribute("bank", Banks.vietnam().find(a.details().payout().bank()).orElse(null));
            return "admin/application";
        });
    }

    private Mono<String> refused(String message, UUID id, Model model) {
        model.addAttribute("refusal", message);
        return page(id, model);
    }

    /** The page's message for a decision the catalog refused, or null when it is not one. */
    private static String refusal(Throwable e) {
        if (!(e instanceof CatalogException c)) {
            return null;
        }
        return switch (c.code()) {
            case ALREADY_DECIDED -> "accounts.admin.application.decided";
            case ALREADY_REGISTERED -> "accounts.admin.application.tax-code-registered";
            default -> null;
        };
    }
}

package vn.ocop.storefront.web.onboarding;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.producers.Bank;
import vn.ocop.catalog.producers.Banks;
import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import vn.ocop.catalog.producers.ProducerKind;
import vn.ocop.orders.Addresses;
import vn.ocop.orders.Commune;
import vn.ocop.orders.Province;
import vn.ocop.storefront.account.EmailAlreadyRegistered;

/**
 * "Bán hàng cùng OCOP": the public application form, with the help each field needs and its mistakes beside it;
 * the communes follow the province chosen (htmx). Once sent, a page says what happens next.
 */
@Controller
@RequestMapping("/producers/apply")
class ApplyPageController {

    static final String FORM = "applicationForm";

    private final ApplicationIntake intake;
    private final Addresses addresses;

    ApplyPageController(ApplicationIntake intake, Addresses addresses) {
        this.intake = intake;
        this.addresses = addresses;
    }

    @ModelAttribute("kinds")
    List<ProducerKind> kinds() {
        return List.of(ProducerKind.COOPERATIVE, ProducerKind.COOPERATIVE_GROUP, ProducerKind.ENTERPRISE, ProducerKind.HOUSEHOLD);
    }

    @ModelAttribute("banks")
    List<Bank> banks() {
        return Banks.vietnam().all();
    }

    @ModelAttribute("provinces")
    List<Province> provinces() {
        return addresses.provinces();
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute(FORM, ApplicationForm.blank()).addAttribute("communes", List.of());
        return "onboarding/apply";
    }

    @PostMapping
    Mono<String> apply(@Valid @ModelAttribute(FORM) ApplicationForm form, BindingResult errors, Model model) {
        model.addAttribute("communes", communesOf(form.provinceCode()));
        if (errors.hasErrors()) {
            return Mono.just("onboarding/apply");
        }
        return Mono.fromCallable(() -> form.application(addresses))
                .flatMap(intake::submit)
                .thenReturn("redirect:/producers/apply/sent")
                .onErrorResume(EmailAlreadyRegistered.class, e -> {
                    errors.rejectValue("email", "accounts.apply.email-taken", e.getMessage());
                    return Mono.just("onboarding/apply");
                })
                .onErrorResume(e -> e instanceof CatalogException c && c.code() == CatalogErrorCode.ALREADY_REGISTERED, e -> {
                    errors.rejectValue("taxCode", "accounts.apply.tax-code-registered", e.getMessage());
                    return Mono.just("onboarding/apply");
                });
    }

    /** The communes of the chosen province, as the options of the commune list (htmx swaps them in). */
    @GetMapping("/communes")
    String communes(@RequestParam(required = false) String provinceCode, Model model) {
        model.addAttribute("communes", communesOf(provinceCode));
        model.addAttribute("selected", null);
        return "onboarding/apply :: communes";
    }

    @GetMapping("/sent")
    String sent() {
        return "onboarding/sent";
    }

    private List<Commune> communesOf(String provinceCode) {
        return provinceCode == null ? List.of() : addresses.communes(provinceCode);
    }
}

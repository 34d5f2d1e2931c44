package vn.ocop.storefront.account;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * Sign-in and registration pages; sign-in itself and sign-out are handled by Spring Security. Both pages carry the
 * page the shopper came from ({@link ReturnTo}): registering leads to signing in, and signing in back there.
 */
@Controller
class AccountPageController {

    private final Registration registration;

    AccountPageController(Registration registration) {
        this.registration = registration;
    }

    @GetMapping("/login")
    String login() {
        return "account/login";
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        model.addAttribute("form", new RegistrationForm("", "", "", "", ""));
        return "account/register";
    }

    /** The page requires the phone number the API leaves optional: checkout offers it again. */
    @PostMapping("/register")
    Mono<String> register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors, ServerWebExchange exchange, Model model) {
        if (form.phone() == null || form.phone().isBlank()) {
            errors.rejectValue("phone", "registration.phone-required");
        }
        return ReturnTo.fromForm(exchange).defaultIfEmpty("").flatMap(returnTo -> {
            if (!returnTo.isEmpty()) {
                model.addAttribute("returnTo", returnTo);
            }
            if (errors.hasErrors()) {
                return Mono.just("account/register");
            }
            return registration.registerShopper(form.email(), form.displayName(), form.phone(), form.password())
                    .thenReturn("redirect:/login?registered" + (returnTo.isEmpty() ? ""
                            : "&" + ReturnTo.PARAMETER + "=" + UriUtils.encodeQueryParam(returnTo, StandardCharsets.UTF_8)))
                    .onErrorResume(EmailAlreadyRegistered.class, e -> {
                        errors.rejectValue("email", "registration.email-taken");
                        return Mono.just("account/register");
                    });
        });
    }
}

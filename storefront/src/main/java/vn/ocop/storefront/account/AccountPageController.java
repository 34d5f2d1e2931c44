package vn.ocop.storefront.account;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import reactor.core.publisher.Mono;

/** Sign-in and registration pages; sign-in itself and sign-out are handled by Spring Security. */
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
        model.addAttribute("form", new RegistrationForm("", "", "", ""));
        return "account/register";
    }

    @PostMapping("/register")
    Mono<String> register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return Mono.just("account/register");
        }
        return registration.registerShopper(form.email(), form.displayName(), form.password())
                .thenReturn("redirect:/login?registered")
                .onErrorResume(EmailAlreadyRegistered.class, e -> {
                    errors.rejectValue("email", "registration.email-taken");
                    return Mono.just("account/register");
                });
    }
}

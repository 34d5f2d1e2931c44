package vn.ocop.storefront.account;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The page a one-time link opens: the account's e-mail and a form to choose a password; afterwards the sign-in page.
 * A link that was used, expired or replaced shows a page that says so and what to do (410 Gone; 404 for one never
 * issued). The token is in the path, so the pages tell the browser to send no Referer.
 */
@Controller
@RequestMapping("/account/set-password/{token}")
class PasswordLinkPageController {

    private final PasswordSetting setting;

    PasswordLinkPageController(PasswordSetting setting) {
        this.setting = setting;
    }

    @GetMapping
    Mono<String> form(@PathVariable String token, Model model, ServerWebExchange exchange) {
        noReferrer(exchange);
        return setting.check(token)
                .map(account -> {
                    model.addAttribute("account", account).addAttribute("form", new SetPasswordForm("", ""));
                    return "account/set-password";
                })
                .onErrorResume(LinkRefused.class, refused -> refusedPage(refused, model, exchange));
    }

    @PostMapping
    Mono<String> set(@PathVariable String token, @Valid @ModelAttribute("form") SetPasswordForm form, BindingResult errors,
                     Model model, ServerWebExchange exchange) {
        noReferrer(exchange);
        return setting.check(token)
                .flatMap(account -> {
                    model.addAttribute("account", account);
                    if (!errors.hasFieldErrors("password") && !PasswordSetting.allowedFor(account, form.password())) {
                        errors.rejectValue("password", "PasswordNotInEmail.password", "must not contain the part of the e-mail address before the @");
                    }
                    return errors.hasErrors() ? Mono.just("account/set-password")
                            : setting.set(token, form.password()).thenReturn("redirect:/login?passwordSet");
                })
                .onErrorResume(LinkRefused.class, refused -> refusedPage(refused, model, exchange));
    }

    private static Mono<String> refusedPage(LinkRefused refused, Model model, ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(refused.state() == OneTimeLinks.State.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE);
        model.addAttribute("state", refused.state());
        return Mono.just("account/link-refused");
    }

    private static void noReferrer(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Referrer-Policy", "no-referrer");
    }
}

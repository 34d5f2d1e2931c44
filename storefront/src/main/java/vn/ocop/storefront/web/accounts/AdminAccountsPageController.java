package vn.ocop.storefront.web.accounts;

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
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.locations.Locations;
import vn.ocop.orders.Addresses;
import vn.ocop.storefront.account.AccountAdministration;
import vn.ocop.storefront.account.AccountErrorCode;
import vn.ocop.storefront.account.AccountException;
import vn.ocop.storefront.account.EmailAlreadyRegistered;
import vn.ocop.storefront.account.InvalidAccountRequest;
import vn.ocop.storefront.account.Invited;
import vn.ocop.storefront.account.Role;

/**
 * ADMIN's accounts page: every account (by role, by e-mail or name), forms to make a STAFF account for an outlet and
 * a COUNCIL account for a province or the whole country, and per account: disable, enable, send a new link.
 */
@Controller
@RequestMapping("/admin/accounts")
class AdminAccountsPageController {

    static final int PAGE_SIZE = 50;

    private final AccountAdministration administration;
    private final Locations locations;
    private final Addresses addresses;
    private final AccountActions actions;

    AdminAccountsPageController(AccountAdministration administration, Locations locations, Addresses addresses, AccountActions actions) {
        this.administration = administration;
        this.locations = locations;
        this.addresses = addresses;
        this.actions = actions;
    }

    @GetMapping
    Mono<String> list(@RequestParam(required = false) Role role, @RequestParam(required = false) String q,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) AccountErrorCode refused, Model model) {
        model.addAttribute("refused", refused)
                .addAttribute("staffForm", NewAccountForm.blank(NewAccountForm.Kind.STAFF))
                .addAttribute("councilForm", NewAccountForm.blank(NewAccountForm.Kind.COUNCIL));
        return listPage(role, q, page, model);
    }

    @PostMapping("/staff")
    Mono<String> staff(@Valid @ModelAttribute("staffForm") NewAccountForm form, BindingResult errors, Model model, ServerHttpRequest request) {
        model.addAttribute("councilForm", NewAccountForm.blank(NewAccountForm.Kind.COUNCIL));
        return create(form, errors, model, request);
    }

    @PostMapping("/council")
    Mono<String> council(@Valid @ModelAttribute("councilForm") NewAccountForm form, BindingResult errors, Model model, ServerHttpRequest request) {
        model.addAttribute("staffForm", NewAccountForm.blank(NewAccountForm.Kind.STAFF));
        return create(form, errors, model, request);
    }

    @PostMapping("/{id}/disable")
    Mono<String> disable(@PathVariable UUID id) {
        return done(actions.current().get().flatMap(me -> administration.disable(me, id)).thenReturn("disabled"));
    }

    @PostMapping("/{id}/enable")
    Mono<String> enable(@PathVariable UUID id) {
        return done(administration.enable(id).thenReturn("enabled"));
    }

    @PostMapping("/{id}/link")
    Mono<String> link(@PathVariable UUID id, ServerHttpRequest request) {
        return done(administration.renewLink(id, actions.base(request)).map(i -> i.mailed() ? "linkSent" : "notMailed"));
    }

    private Mono<String> create(NewAccountForm form, BindingResult errors, Model model, ServerHttpRequest request) {
        if (errors.hasErrors()) {
            return listPage(null, null, 0, model);
        }
        return form.create(administration, addresses, actions.base(request))
                .map(Invited::mailed)
                .map(mailed -> "redirect:" + UriComponentsBuilder.fromPath("/admin/accounts").queryParam("q", form.email().strip())
                        .queryParam(mailed ? "created" : "notMailed").encode().toUriString())
                .onErrorResume(EmailAlreadyRegistered.class, e -> {
                    errors.rejectValue("email", "accounts.email-taken", e.getMessage());
                    return listPage(null, null, 0, model);
                })
                .onErrorResume(InvalidAccountRequest.class, e -> {
                    errors.rejectValue(e.field(), "accounts.admin.invalid." + e.field(), e.getMessage());
                    return listPage(null, null, 0, model);
                });
    }

    private Mono<String> listPage(Role role, String q, int page, Model model) {
        int from = Math.max(0, Math.min(page, 10_000)) * PAGE_SIZE;
        model.addAttribute("role", role).addAttribute("q", q).addAttribute("roles", Role.values())
                .addAttribute("page", from / PAGE_SIZE).addAttribute("pageSize", PAGE_SIZE)
                .addAttribute("accounts", administration.list(role, q, from, PAGE_SIZE).collectList())
                .addAttribute("total", administration.count(role, q))
                .addAttribute("outlets", locations.outlets(null, null).collectList())
                .addAttribute("provinces", addresses.provinces());
        return Mono.just("admin/accounts");
    }

    /** Back to the list, saying what happened or why not (the account's id stays out of the address). */
    private static Mono<String> done(Mono<String> action) {
        return action.map(flag -> "redirect:/admin/accounts?" + flag)
                .onErrorResume(AccountException.class, e -> e.code() == AccountErrorCode.NOT_FOUND
                        ? Mono.error(e) : Mono.just("redirect:/admin/accounts?refused=" + e.code().name()));
    }
}

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
import reactor.core.publisher.Mono;
import vn.ocop.storefront.account.AccountErrorCode;
import vn.ocop.storefront.account.AccountException;
import vn.ocop.storefront.account.EmailAlreadyRegistered;
import vn.ocop.storefront.account.ProducerMembers;

/**
 * "Thành viên" on the producer's dashboard: who acts for the producer; its owner invites a member by e-mail, sends a
 * new link to one who has not set a password, and removes one. Other members see the list only.
 */
@Controller
@RequestMapping("/producer/members")
class MembersPageController {

    private final ProducerMembers members;
    private final AccountActions actions;

    MembersPageController(ProducerMembers members, AccountActions actions) {
        this.members = members;
        this.actions = actions;
    }

    @GetMapping
    Mono<String> list(Model model) {
        model.addAttribute("memberForm", new MemberForm("", ""));
        return page(model);
    }

    @PostMapping
    Mono<String> invite(@Valid @ModelAttribute("memberForm") MemberForm form, BindingResult errors, Model model, ServerHttpRequest request) {
        if (errors.hasErrors()) {
            return page(model);
        }
        return actions.current().get()
                .flatMap(me -> members.invite(me, form.email(), form.displayName(), actions.base(request)))
                .map(invited -> invited.mailed() ? "redirect:/producer/members?invited" : "redirect:/producer/members?invited&notMailed")
                .onErrorResume(EmailAlreadyRegistered.class, e -> {
                    errors.rejectValue("email", "accounts.members.email-taken", e.getMessage());
                    return page(model);
                });
    }

    @PostMapping("/{id}/remove")
    Mono<String> remove(@PathVariable UUID id) {
        return actions.current().get().flatMap(me -> members.remove(me, id))
                .thenReturn("redirect:/producer/members?removed")
                .onErrorResume(e -> e instanceof AccountException a && a.code() == AccountErrorCode.NOT_YOURSELF,
                        e -> Mono.just("redirect:/producer/members?notYourself"));
    }

    @PostMapping("/{id}/link")
    Mono<String> link(@PathVariable UUID id, ServerHttpRequest request) {
        return actions.current().get().flatMap(me -> members.renewLink(me, id, actions.base(request)))
                .map(invited -> invited.mailed() ? "redirect:/producer/members?linkSent" : "redirect:/producer/members?notMailed");
    }

    private Mono<String> page(Model model) {
        return actions.current().get().map(me -> {
            model.addAttribute("me", me).addAttribute("owner", me.producerOwner())
                    .addAttribute("members", members.of(me).collectList());
            return "producer/members";
        });
    }
}

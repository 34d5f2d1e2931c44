package vn.ocop.storefront.web.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.ocop.storefront.account.ProducerMembers;
import vn.ocop.storefront.account.PublicAddress;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.accounts.AccountJson.InvitedJson;

/** A producer's members: every member sees them; the owner invites and removes them. */
@RestController
@RequestMapping("/api/v1/producer/members")
@Tag(name = "Producer members", description = "The accounts that act for a producer; its owner invites and removes them")
class MembersApiController {

    private final ProducerMembers members;
    private final CurrentAccount current;
    private final PublicAddress address;

    MembersApiController(ProducerMembers members, CurrentAccount current, PublicAddress address) {
        this.members = members;
        this.current = current;
        this.address = address;
    }

    @GetMapping
    @Operation(summary = "Your producer's members", description = "The owner first, then by e-mail; removed members are not listed.")
    Mono<List<AccountJson>> list() {
        return current.get().flatMapMany(members::of).map(AccountJson::of).collectList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a member (owner only)",
            description = "`{email, displayName}`: an account acting for your producer, mailed a one-time link to set its password "
                    + "(72 hours, single use); a member you removed is invited back. 403 not-owner for other members; 409 email-taken "
                    + "when the e-mail has another account.")
    Mono<InvitedJson> invite(@Valid @RequestBody MemberForm form, ServerHttpRequest request) {
        return current.get().flatMap(me -> members.invite(me, form.email(), form.displayName(), address.of(request))).map(InvitedJson::of);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a member (owner only)",
            description = "They can no longer sign in or act; their sessions end at their next request. 409 not-yourself for the "
                    + "owner's own account; 404 for anyone not a member of your producer; 403 not-owner for other members.")
    Mono<AccountJson> remove(@PathVariable UUID id) {
        return current.get().flatMap(me -> members.remove(me, id)).map(AccountJson::of);
    }

    @PostMapping("/{id}/link")
    @Operation(summary = "Mail a member a new set-password link (owner only)", description = "404 for anyone not a member of your producer.")
    Mono<InvitedJson> link(@PathVariable UUID id, ServerHttpRequest request) {
        return current.get().flatMap(me -> members.renewLink(me, id, address.of(request))).map(InvitedJson::of);
    }
}

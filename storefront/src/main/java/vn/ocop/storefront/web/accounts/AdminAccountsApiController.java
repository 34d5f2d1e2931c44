package vn.ocop.storefront.web.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.ocop.orders.Addresses;
import vn.ocop.storefront.account.AccountAdministration;
import vn.ocop.storefront.account.PublicAddress;
import vn.ocop.storefront.account.Role;
import vn.ocop.storefront.security.CurrentAccount;
import vn.ocop.storefront.web.accounts.AccountJson.InvitedJson;

/** ADMIN's accounts: every account, STAFF and COUNCIL accounts made, any account disabled or enabled. */
@RestController
@RequestMapping("/api/v1/admin/accounts")
@Tag(name = "Admin: accounts", description = "Staff and council accounts, and disabling any account (ADMIN)")
class AdminAccountsApiController {

    private final AccountAdministration administration;
    private final Addresses addresses;
    private final CurrentAccount current;
    private final PublicAddress address;

    AdminAccountsApiController(AccountAdministration administration, Addresses addresses, CurrentAccount current, PublicAddress address) {
        this.administration = administration;
        this.addresses = addresses;
        this.current = current;
        this.address = address;
    }

    @GetMapping
    @Operation(summary = "Accounts", description = "By e-mail; `role` one of SHOPPER, PRODUCER, STAFF, COUNCIL, ADMIN; `q` a part of the e-mail or name.")
    Mono<List<AccountJson>> list(@RequestParam(required = false) Role role, @RequestParam(required = false) String q,
                                 @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(AccountAdministration.MAX_LISTED) int size) {
        return administration.list(role, q, page * size, size).map(AccountJson::of).collectList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account", description = "404 for an unknown id.")
    Mono<AccountJson> one(@PathVariable UUID id) {
        return administration.get(id).map(AccountJson::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a STAFF or COUNCIL account",
            description = "`{role: STAFF, email, displayName, locationId}` (a showroom, sales point or rest stop) or `{role: COUNCIL, "
                    + "email, displayName, councilScope}` (NATIONAL, or a province's official code: that council ranks only its "
                    + "province's producers, 3 and 4 stars). The account has no password: its holder is mailed a one-time link to "
                    + "set one (72 hours, single use); `mailed` says whether the mail went out. 400 with field errors; 409 email-taken "
                    + "when the e-mail has an account.")
    Mono<InvitedJson> create(@Valid @RequestBody NewAccountForm form, ServerHttpRequest request) {
        return form.create(administration, addresses, address.of(request)).map(InvitedJson::of);
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable an account",
            description = "It can no longer sign in, and its sessions end at their next request. 409 not-yourself for your own "
                    + "account, invalid-state when already disabled; 404 for an unknown id.")
    Mono<AccountJson> disable(@PathVariable UUID id) {
        return current.get().flatMap(me -> administration.disable(me, id)).map(AccountJson::of);
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable an account again", description = "409 invalid-state when it is enabled; 404 for an unknown id.")
    Mono<AccountJson> enable(@PathVariable UUID id) {
        return administration.enable(id).map(AccountJson::of);
    }

    @PostMapping("/{id}/link")
    @Operation(summary = "Mail a new set-password link",
            description = "A new one-time link (72 hours, single use) to set the password, e.g. when the first one expired; the "
                    + "account's older links stop working. 409 invalid-state for a disabled account.")
    Mono<InvitedJson> link(@PathVariable UUID id, ServerHttpRequest request) {
        return administration.renewLink(id, address.of(request)).map(InvitedJson::of);
    }
}

package vn.ocop.storefront.web.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import reactor.core.publisher.Mono;
import vn.ocop.orders.Addresses;
import vn.ocop.storefront.account.Account;
import vn.ocop.storefront.account.AccountAdministration;
import vn.ocop.storefront.account.InvalidAccountRequest;
import vn.ocop.storefront.account.Invited;

/**
 * A STAFF or COUNCIL account ADMIN makes, on the page or as JSON. STAFF names its outlet ({@code locationId});
 * COUNCIL its scope: {@code NATIONAL} or the official code of one of the 34 provinces.
 */
record NewAccountForm(
        @Schema(description = "STAFF or COUNCIL") @NotNull Kind role,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 2, max = 100) String displayName,
        @Schema(description = "STAFF: the showroom, sales point or rest stop they work at") UUID locationId,
        @Schema(description = "COUNCIL: NATIONAL, or a province's official code (GET /api/v1/addresses/provinces)", example = "19")
        @Size(max = 20) String councilScope) {

    enum Kind { STAFF, COUNCIL }

    static NewAccountForm blank(Kind role) {
        return new NewAccountForm(role, "", "", null, role == Kind.COUNCIL ? Account.NATIONAL : null);
    }

    /** Makes the account and mails its link; InvalidAccountRequest for a missing outlet or an unknown province. */
    Mono<Invited> create(AccountAdministration administration, Addresses addresses, String base) {
        if (role == Kind.STAFF) {
            return locationId == null ? Mono.error(new InvalidAccountRequest("locationId", "a STAFF account works at an outlet"))
                    : administration.createStaff(email, displayName, locationId, base);
        }
        if (Account.NATIONAL.equals(councilScope)) {
            return administration.createCouncil(email, displayName, Account.NATIONAL, base);
        }
        return addresses.province(councilScope)
                .map(p -> administration.createCouncil(email, displayName, p.shortName(), base))
                .orElseGet(() -> Mono.error(new InvalidAccountRequest("councilScope", "NATIONAL or one of the 34 provinces' codes")));
    }
}

package vn.ocop.storefront.web.accounts;

import java.util.UUID;
import vn.ocop.storefront.account.Account;
import vn.ocop.storefront.account.Invited;
import vn.ocop.storefront.account.Role;

/**
 * An account as ADMIN or a producer's owner sees it; never its password hash.
 *
 * @param passwordSet  false until its one-time link was used
 * @param councilScope NATIONAL or the province; null unless COUNCIL
 */
record AccountJson(UUID id, String email, String displayName, Role role, boolean enabled, boolean passwordSet, UUID producerId,
                   boolean producerOwner, UUID locationId, String councilScope) {

    static AccountJson of(Account a) {
        return new AccountJson(a.id(), a.email(), a.displayName(), a.role(), a.enabled(), a.hasPassword(), a.producerId(),
                a.producerOwner(), a.locationId(), a.councilScope());
    }

    /** @param mailed whether the mail with its one-time link went out */
    record InvitedJson(AccountJson account, boolean mailed) {
        static InvitedJson of(Invited invited) {
            return new InvitedJson(AccountJson.of(invited.account()), invited.mailed());
        }
    }
}

package vn.ocop.storefront.account;

/** Stable codes of what account management refuses; the problem mapping turns them into problem types. */
public enum AccountErrorCode {
    /** No such account, or not one the asker may manage: the two look the same. */
    NOT_FOUND,
    /** Only a producer's owner invites and removes its members. */
    NOT_OWNER,
    /** Nobody disables or removes their own account (an owner or an administrator would lock themselves out). */
    NOT_YOURSELF,
    /** Enabling an enabled account, disabling a disabled one, a link for a disabled account. */
    INVALID_STATE,
    /** A new account's details that do not fit its role: no such outlet for STAFF, no such province for COUNCIL. */
    INVALID_REQUEST
}

package vn.ocop.storefront.account;

/** An account made (or sent a new link), and whether the mail with its one-time link went out. */
public record Invited(Account account, boolean mailed) {
}

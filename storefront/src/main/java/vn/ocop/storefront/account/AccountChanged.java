package vn.ocop.storefront.account;

/**
 * Published by {@link Accounts} when it changed an account (disabled it, removed it from its producer, set its
 * password): this instance drops the sessions it keeps in memory for that account at once, before PostgreSQL's
 * announcement of the same change reaches every instance (ADR 0011).
 */
public record AccountChanged(String email) {
}

package vn.ocop.storefront.account;

/** What an account may do (DESIGN.md §4). DEVICE, a till's key, is not an account. */
public enum Role {
    SHOPPER, PRODUCER, STAFF, COUNCIL, ADMIN
}

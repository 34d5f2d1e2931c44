/** Accounts: registration, sign-in and the role each account acts in. */
package vn.ocop.storefront.account;

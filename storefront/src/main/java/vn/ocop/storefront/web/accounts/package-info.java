/** Accounts others make: ADMIN's staff and council accounts (and disabling any account), a producer owner's members. */
package vn.ocop.storefront.web.accounts;

/**
 * What OCOP councils do ({@link vn.ocop.catalog.councils.Rankings}): record and revoke rankings, look up the products in
 * their scope, and warn producers 30 days before a ranking expires (notices written once, e-mailed once).
 */
package vn.ocop.catalog.councils;

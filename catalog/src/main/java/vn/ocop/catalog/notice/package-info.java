/** Notices to producers, starting with the warning 30 days before a ranking expires: written once, e-mailed once. */
package vn.ocop.catalog.notice;

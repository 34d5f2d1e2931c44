/** Money pages and API: producers' statements (page, print, CSV), tax withheld files, ADMIN's commission rates and payouts. */
package vn.ocop.storefront.web.money;

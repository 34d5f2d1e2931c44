/** The shopper's pages and product API: home, lists of what is on sale. */
package vn.ocop.storefront.web.shop;

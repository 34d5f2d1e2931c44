/** The shipping rate table ADMIN keeps: its JSON API and its page. */
package vn.ocop.storefront.web.shipping;

/** Carts, checkout and orders over HTTP: shoppers', producers' and showroom staff's APIs and pages. */
package vn.ocop.storefront.web.orders;

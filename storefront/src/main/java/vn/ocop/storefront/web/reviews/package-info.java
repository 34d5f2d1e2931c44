/** Reviews on the web: a shopper's review of a completed order line, public lists, the producer's reply, ADMIN hiding one. */
package vn.ocop.storefront.web.reviews;

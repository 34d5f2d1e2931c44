/** The public verification page and API behind the QR code on a product's label. */
package vn.ocop.storefront.web.verify;

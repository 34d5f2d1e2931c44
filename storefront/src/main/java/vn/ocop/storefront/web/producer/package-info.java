/** The producer's pages and API: its own listings, their images and QR codes, expiring rankings, notices. */
package vn.ocop.storefront.web.producer;

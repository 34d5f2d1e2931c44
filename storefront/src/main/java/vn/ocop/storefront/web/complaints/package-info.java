/** Complaints and refunds over HTTP: the shopper's, the producer's and ADMIN's APIs and pages. */
package vn.ocop.storefront.web.complaints;

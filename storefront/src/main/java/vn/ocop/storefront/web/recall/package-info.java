/** Recalling a lot: the producer's and the council's API and pages. */
package vn.ocop.storefront.web.recall;

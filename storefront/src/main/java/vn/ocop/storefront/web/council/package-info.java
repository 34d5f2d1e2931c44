/** The OCOP council's desk and API: record and revoke rankings, see which end soon, find the product to rank. */
package vn.ocop.storefront.web.council;

/** Every error, once: RFC 9457 problem details for the API, friendly pages for people, never a stack trace. */
package vn.ocop.storefront.problem;

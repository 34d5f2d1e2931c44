/** Who may do what: sign-in for pages, HTTP Basic for the API, CSRF on forms, roles of DESIGN.md §4. */
package vn.ocop.storefront.security;

/** The OCOP Marketplace application: pages, JSON APIs, security and wiring of the domain modules. */
package vn.ocop.storefront;

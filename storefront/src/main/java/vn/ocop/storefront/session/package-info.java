/** Sessions of signed-in people, kept in PostgreSQL: shared by every instance, kept across restarts, purged when expired. */
package vn.ocop.storefront.session;

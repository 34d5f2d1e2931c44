/**
 * What the shop says about its own health: PostgreSQL, Elasticsearch and the search outbox as /actuator/health
 * components, and the database outage that turns requests into 503 problems (logged once when it starts and ends).
 */
package vn.ocop.storefront.health;

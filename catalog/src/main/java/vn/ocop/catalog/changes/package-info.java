/** The catalog's change outbox (written by triggers) and the product view that search indexes. */
package vn.ocop.catalog.changes;

/** Lots: the reads of lots, their stock per location, their path through the ledger, and recalls. */
package vn.ocop.catalog.lots;

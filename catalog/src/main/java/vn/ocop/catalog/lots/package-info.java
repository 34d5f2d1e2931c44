/**
 * Lots ({@link vn.ocop.catalog.lots.Lots}): the reads of lots, their stock per location, their path through the ledger
 * ({@link vn.ocop.catalog.lots.Traceability}), use-by dates, and recalls.
 */
package vn.ocop.catalog.lots;

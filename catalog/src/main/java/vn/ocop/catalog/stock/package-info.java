/** The stock ledger: stock per location and product, the movements that change it, till keys and offline sync. */
package vn.ocop.catalog.stock;

/**
 * Stock: the ledger of stock per location and product and the movements that change it ({@link vn.ocop.catalog.stock.Inventory}),
 * what it shows ({@link vn.ocop.catalog.stock.StockReports}: levels, history, pickup points, discrepancies), and the tills:
 * their keys ({@link vn.ocop.catalog.stock.TillKeys}) and offline sync ({@code TillSync}), whose batches the ledger applies.
 * Every movement names or is split over lots ({@link vn.ocop.catalog.stock.LotRef}).
 */
package vn.ocop.catalog.stock;

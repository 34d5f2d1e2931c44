/** Finding a product by the code printed as a QR on its label; reached through {@link vn.ocop.catalog.Verification}. */
package vn.ocop.catalog.verification;

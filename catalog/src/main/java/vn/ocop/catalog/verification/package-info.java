/** Finding a product by the code printed as a QR on its label ({@link vn.ocop.catalog.verification.Verification}). */
package vn.ocop.catalog.verification;

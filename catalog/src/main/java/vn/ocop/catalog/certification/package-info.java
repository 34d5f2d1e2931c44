/** OCOP certifications: recording and revoking rankings, and reading a product's ranking history. */
package vn.ocop.catalog.certification;

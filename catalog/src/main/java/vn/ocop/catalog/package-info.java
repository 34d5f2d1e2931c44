/** The catalog's public API: producers, products and their OCOP rankings, and what is on sale today. */
package vn.ocop.catalog;

/** Producers (chủ thể OCOP): who they are, where, and whether they may sell. */
package vn.ocop.catalog.producers;

/**
 * Producers (chủ thể OCOP): applying and being approved ({@link vn.ocop.catalog.producers.Onboarding}), who they are and
 * where ({@link vn.ocop.catalog.producers.ProducerDirectory}), and whether they may sell.
 */
package vn.ocop.catalog.producers;

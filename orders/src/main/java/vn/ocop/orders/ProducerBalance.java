package vn.ocop.orders;

import vn.ocop.catalog.producers.ProducerSummary;

/** What the marketplace owes a producer now (below zero: what the producer owes it, commission on cash it collected). */
public record ProducerBalance(ProducerSummary producer, long marketplaceOwes) {
}

package vn.ocop.catalog.producers;

import vn.ocop.catalog.ProducerId;

/** What approving an application made: the producer (ACTIVE), and the application it came from, now APPROVED. */
public record ApprovedProducer(ProducerId producer, SubmittedApplication application) {
}

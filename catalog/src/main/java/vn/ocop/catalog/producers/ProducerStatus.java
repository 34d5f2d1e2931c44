package vn.ocop.catalog.producers;

/** A suspended producer sells nothing, whatever its rankings say. */
public enum ProducerStatus {
    ACTIVE, SUSPENDED
}

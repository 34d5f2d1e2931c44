package vn.ocop.catalog;

/** A suspended producer sells nothing, whatever its rankings say. */
public enum ProducerStatus {
    ACTIVE, SUSPENDED
}

package vn.ocop.catalog.producers;

/** An application waits for ADMIN, who approves it (the producer then exists) or rejects it with a reason; never both. */
public enum ApplicationStatus {
    PENDING, APPROVED, REJECTED
}

package vn.ocop.orders;

/**
 * Where a complaint stands. OPEN: the producer is to answer; OFFERED: the producer offered a refund, the shopper
 * accepts (RESOLVED) or escalates (ESCALATED); DISPUTED: the producer disputes it, ADMIN decides; ESCALATED: ADMIN
 * decides; RESOLVED: a refund was agreed or decided; REJECTED: ADMIN decided no refund.
 */
public enum ComplaintStatus {
    OPEN, OFFERED, DISPUTED, ESCALATED, RESOLVED, REJECTED;

    /** ADMIN decides these. */
    public boolean forAdmin() {
        return this == DISPUTED || this == ESCALATED;
    }

    public boolean closed() {
        return this == RESOLVED || this == REJECTED;
    }
}

package vn.ocop.orders;

/** Where a sale was made: an online order delivered, an online order collected at an outlet, or an outlet's till. */
public enum SalesChannel {
    ONLINE_DELIVERY, ONLINE_PICKUP, TILL;

    /** Online sales pay the marketplace's commission (per OCOP group); till sales the outlet's consignment share. */
    public boolean online() {
        return this != TILL;
    }
}

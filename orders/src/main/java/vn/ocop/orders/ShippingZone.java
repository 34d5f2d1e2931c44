package vn.ocop.orders;

/** How far a parcel travels, which its fee and delivery window depend on: within a province, a region, or across regions. */
public enum ShippingZone {
    SAME_PROVINCE, SAME_REGION, OTHER_REGION;

    /** The zone of a parcel; an unknown origin ({@code from} null) is charged as another region, the dearest. */
    public static ShippingZone between(Province from, Province to) {
        if (from == null) {
            return OTHER_REGION;
        }
        if (from.code().equals(to.code())) {
            return SAME_PROVINCE;
        }
        return from.region() == to.region() ? SAME_REGION : OTHER_REGION;
    }
}

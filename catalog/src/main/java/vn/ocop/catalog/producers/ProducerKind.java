package vn.ocop.catalog.producers;

/**
 * A producer's legal form: a co-operative (hợp tác xã, HTX), a co-operative group (tổ hợp tác), an enterprise or a
 * household business (hộ kinh doanh). It decides what its registration number looks like ({@link RegistrationNumber})
 * and, for money, whether tax is withheld on its sales (household businesses, Decree 117/2025/NĐ-CP).
 */
public enum ProducerKind {
    COOPERATIVE, COOPERATIVE_GROUP, ENTERPRISE, HOUSEHOLD;

    /**
     * Whether it is registered under an enterprise or co-operative code (mã số doanh nghiệp / mã số HTX: the same
     * number as its tax code), rather than a registration a commune or district issued in its own form.
     */
    public boolean hasEnterpriseCode() {
        return this == COOPERATIVE || this == ENTERPRISE;
    }
}

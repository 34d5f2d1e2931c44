package vn.ocop.catalog.councils;

import java.time.format.DateTimeFormatter;

/** The Vietnamese wording of an expiry warning, as the producer reads it on the dashboard and by e-mail. */
final class ExpiryMessage {

    static final String SUBJECT = "Chứng nhận OCOP sắp hết hiệu lực";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String ADVICE = """
            Sau ngày này sản phẩm sẽ ngừng bán trên Chợ OCOP cho đến khi có quyết định công nhận mới. \
            Vui lòng liên hệ cơ quan đã cấp chứng nhận để được đánh giá lại.""";

    private ExpiryMessage() {
    }

    /** "Chứng nhận OCOP 4 sao của «Mật ong bạc hà» (QĐ 2207/QĐ-UBND) hết hiệu lực ngày 20/12/2026." */
    static String of(ExpiringRanking r) {
        String decision = r.decisionNo() == null ? "" : " (QĐ " + r.decisionNo() + ")";
        return "Chứng nhận OCOP " + r.stars().value() + " sao của «" + r.productName() + "»" + decision
                + " hết hiệu lực ngày " + DATE.format(r.validUntil()) + ".";
    }

    static String mailBody(String message) {
        return message + "\n\n" + ADVICE + "\n\nChợ OCOP\n";
    }
}

package vn.ocop.orders;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.NoticeMailer;

/**
 * E-mails the shopper (in Vietnamese) each time their complaint changes state, after the change is committed; a
 * mail that cannot be sent is logged and never undoes the change.
 */
@Component
class ComplaintNotices {

    private static final Logger log = LoggerFactory.getLogger(ComplaintNotices.class);

    private static final Map<ComplaintStatus, String> SUBJECTS = Map.of(
            ComplaintStatus.OPEN, "Đã nhận khiếu nại về đơn hàng %s",
            ComplaintStatus.OFFERED, "Nhà sản xuất đề nghị hoàn tiền cho khiếu nại về đơn hàng %s",
            ComplaintStatus.DISPUTED, "Nhà sản xuất không đồng ý với khiếu nại về đơn hàng %s",
            ComplaintStatus.ESCALATED, "Khiếu nại về đơn hàng %s đã được chuyển cho sàn xem xét",
            ComplaintStatus.RESOLVED, "Khiếu nại về đơn hàng %s đã được giải quyết",
            ComplaintStatus.REJECTED, "Khiếu nại về đơn hàng %s không được chấp nhận");

    private final ObjectProvider<NoticeMailer> mailer;

    ComplaintNotices(ObjectProvider<NoticeMailer> mailer) {
        this.mailer = mailer;
    }

    Mono<Void> changed(Complaint c, Order order) {
        NoticeMailer sender = mailer.getIfAvailable();
        if (sender == null) {
            return Mono.empty();
        }
        String subject = c.paidBackAt() != null && c.thread().get(c.thread().size() - 1).kind() == Complaint.Entry.Kind.PAID_BACK
                ? "Đã hoàn tiền cho khiếu nại về đơn hàng %s".formatted(order.code()) : SUBJECTS.get(c.status()).formatted(order.code());
        return sender.send(order.contact().email(), subject, body(c, order, subject))
                .onErrorResume(e -> {
                    log.warn("Could not e-mail {} about complaint {} ({})", order.contact().email(), c.id().value(), c.status(), e);
                    return Mono.empty();
                })
                .then();
    }

    private static String body(Complaint c, Order o, String subject) {
        StringBuilder text = new StringBuilder("Xin chào ").append(o.contact().name()).append(",\n\n").append(subject).append(".\n\n")
                .append("Sản phẩm: ").append(c.productName()).append(" × ").append(c.quantity()).append('\n');
        Complaint.Entry last = c.thread().get(c.thread().size() - 1);
        if (last.text() != null && last.party() != Complaint.Party.SHOPPER) {
            text.append("Nội dung: ").append(last.text()).append('\n');
        }
        if (c.status() == ComplaintStatus.OFFERED) {
            text.append("Số tiền đề nghị hoàn: ").append(dong(c.offer())).append(". Bạn có thể đồng ý hoặc yêu cầu sàn xem xét trên trang khiếu nại.\n");
        }
        if (c.refunds()) {
            text.append("Số tiền hoàn: ").append(dong(c.refund())).append(switch (c.via()) {
                case CARD -> ". Tiền được hoàn về thẻ đã thanh toán.\n";
                case PRODUCER -> ". Nhà sản xuất sẽ hoàn lại tiền mặt đã thu khi giao hàng.\n";
                case SHOWROOM -> ". Cửa hàng nơi bạn nhận hàng sẽ hoàn lại số tiền đã thu.\n";
            });
        }
        if (c.returnTo() != null && c.refunds()) {
            text.append("Vui lòng gửi trả hàng theo hướng dẫn trên trang khiếu nại.\n");
        }
        return text.append("\nChợ OCOP").toString();
    }

    private static String dong(vn.ocop.catalog.Vnd v) {
        return String.format("%,d", v.dong()).replace(',', '.') + " ₫";
    }
}

package vn.ocop.orders;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.NoticeMailer;

/**
 * Tells the shopper by e-mail each time their order changes state. Sent after the change is committed; a mail
 * that cannot be sent is logged and never undoes or fails the change (the order page shows the state anyway).
 */
@Component
class OrderNotices {

    private static final Logger log = LoggerFactory.getLogger(OrderNotices.class);

    private static final Map<OrderStatus, String> SUBJECTS = Map.of(
            OrderStatus.PENDING_PAYMENT, "Đơn hàng %s đang chờ thanh toán",
            OrderStatus.PLACED, "Đã nhận đơn hàng %s",
            OrderStatus.CONFIRMED, "Đơn hàng %s đã được xác nhận",
            OrderStatus.READY_FOR_PICKUP, "Đơn hàng %s đã sẵn sàng để nhận",
            OrderStatus.SHIPPED, "Đơn hàng %s đã được gửi đi",
            OrderStatus.COMPLETED, "Đơn hàng %s đã hoàn tất",
            OrderStatus.CANCELLED, "Đơn hàng %s đã bị hủy");

    private final ObjectProvider<NoticeMailer> mailer;

    OrderNotices(ObjectProvider<NoticeMailer> mailer) {
        this.mailer = mailer;
    }

    /** Mails the order's state when it differs from {@code before} (null: a new order). */
    Mono<Order> changed(OrderStatus before, Order now) {
        NoticeMailer sender = mailer.getIfAvailable();
        if (now.status() == before || sender == null) {
            return Mono.just(now);
        }
        return sender.send(now.contact().email(), SUBJECTS.get(now.status()).formatted(now.code()), body(now))
                .onErrorResume(e -> {
                    log.warn("Could not e-mail {} about order {} ({})", now.contact().email(), now.code(), now.status(), e);
                    return Mono.empty();
                })
                .thenReturn(now);
    }

    private static String body(Order o) {
        StringBuilder text = new StringBuilder("Xin chào ").append(o.contact().name()).append(",\n\n")
                .append(SUBJECTS.get(o.status()).formatted(o.code())).append(".\n\n");
        o.lines().forEach(l -> text.append("- ").append(l.name()).append(" × ").append(l.quantity()).append('\n'));
        text.append("\nTổng cộng: ").append(String.format("%,d", o.total().dong()).replace(',', '.')).append(" ₫\n");
        if (o.pickupCode() != null && o.status() != OrderStatus.COMPLETED && o.status() != OrderStatus.CANCELLED) {
            text.append("Mã nhận hàng: ").append(o.pickupCode()).append('\n');
        }
        return text.append("\nChợ OCOP").toString();
    }
}

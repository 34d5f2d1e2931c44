package vn.ocop.orders.recall;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogTime;
import vn.ocop.catalog.LotId;
import vn.ocop.catalog.NoticeMailer;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.lots.Recall;
import vn.ocop.orders.OrderId;
import vn.ocop.orders.RecallNotice;

/**
 * The recall notices on orders: one per order and lot (asking again only adds what is new: received, moved,
 * cancelled), and one e-mail per notice, claimed ({@code mailed_at}) before it is sent so a retried or concurrent
 * recall sends no second one; a mail that fails is given back to be sent by the next recall call.
 */
@Component
public class RecallNotices {

    private static final Logger log = LoggerFactory.getLogger(RecallNotices.class);
    private static final String COLUMNS = """
            n.order_id, n.lot_id, n.product_id, n.product_name, n.lot_code, n.reason, n.recalled_at, n.received, n.swapped, n.cancelled""";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final DatabaseClient db;
    private final ObjectProvider<NoticeMailer> mailer;
    private final Clock clock;

    RecallNotices(DatabaseClient db, ObjectProvider<NoticeMailer> mailer, Clock clock) {
        this.db = db;
        this.mailer = mailer;
        this.clock = clock;
    }

    public Mono<Void> record(OrderId order, Recall recall, boolean received, boolean swapped, boolean cancelled) {
        return db.sql("""
                        insert into order_recall_notice as n (order_id, lot_id, product_id, product_name, lot_code, reason, recalled_at,
                                                              received, swapped, cancelled)
                        values (:order, :lot, :product, :name, :code, :reason, :at, :received, :swapped, :cancelled)
                        on conflict (order_id, lot_id) do update
                            set received = n.received or excluded.received, swapped = n.swapped or excluded.swapped,
                                cancelled = n.cancelled or excluded.cancelled""")
                .bind("order", order.value()).bind("lot", recall.lot().id().value()).bind("product", recall.lot().product().value())
                .bind("name", recall.lot().productName()).bind("code", recall.lot().code()).bind("reason", recall.lot().recallReason())
                .bind("at", recall.lot().recalledAt())
                .bind("received", received).bind("swapped", swapped).bind("cancelled", cancelled)
                .fetch().rowsUpdated().then();
    }

    public Flux<RecallNotice> on(OrderId order) {
        return db.sql("select " + COLUMNS + " from order_recall_notice n where n.order_id = :order order by n.recalled_at desc, n.lot_code")
                .bind("order", order.value()).map((row, md) -> notice(row)).all();
    }

    public Flux<RecallNotice> of(LotId lot) {
        return db.sql("""
                        select %s from order_recall_notice n join customer_order o on o.id = n.order_id
                        where n.lot_id = :lot order by o.placed_at, o.code""".formatted(COLUMNS))
                .bind("lot", lot.value()).map((row, md) -> notice(row)).all();
    }

    /** E-mails each shopper whose notice of this lot was not mailed yet, once. */
    public Mono<Void> mailPending(LotId lot) {
        NoticeMailer sender = mailer.getIfAvailable();
        if (sender == null) {
            return Mono.empty();
        }
        return db.sql("""
                        update order_recall_notice n set mailed_at = :now from customer_order o
                        where o.id = n.order_id and n.lot_id = :lot and n.mailed_at is null
                        returning %s, o.code, o.contact_name, o.contact_email, o.payment_method""".formatted(COLUMNS))
                .bind("now", OffsetDateTime.now(clock)).bind("lot", lot.value())
                .map((row, md) -> new Mail(notice(row), row.get("code", String.class), row.get("contact_name", String.class),
                        row.get("contact_email", String.class), "CARD".equals(row.get("payment_method", String.class))))
                .all()
                .concatMap(m -> sender.send(m.email(), "Thu hồi lô " + m.notice().lotCode() + " – đơn hàng " + m.code(), body(m))
                        .onErrorResume(e -> {
                            log.warn("Could not e-mail {} about the recall of lot {} (order {}); the next recall call tries again",
                                    m.email(), m.notice().lotCode(), m.code(), e);
                            return unclaim(m.notice());
                        }))
                .then();
    }

    private record Mail(RecallNotice notice, String code, String name, String email, boolean card) {
    }

    private Mono<Void> unclaim(RecallNotice n) {
        return db.sql("update order_recall_notice set mailed_at = null where order_id = :order and lot_id = :lot")
                .bind("order", n.order().value()).bind("lot", n.lot().value()).fetch().rowsUpdated().then();
    }

    private static String body(Mail m) {
        RecallNotice n = m.notice();
        StringBuilder text = new StringBuilder("Xin chào ").append(m.name()).append(",\n\n")
                .append("Lô ").append(n.lotCode()).append(" của sản phẩm ").append(n.productName()).append(" đã bị thu hồi ngày ")
                .append(DAY.format(n.recalledAt().atZoneSameInstant(CatalogTime.ZONE))).append(".\n")
                .append("Lý do: ").append(n.reason()).append("\n\n");
        if (n.received()) {
            text.append("Đơn hàng ").append(m.code()).append(" đã nhận sản phẩm thuộc lô này: xin ngừng sử dụng và liên hệ người bán.\n");
        }
        if (n.swapped()) {
            text.append("Phần hàng giữ cho đơn ").append(m.code()).append(" đã được đổi sang lô khác của cùng sản phẩm.\n");
        }
        if (n.cancelled()) {
            text.append("Không còn lô nào khác thay thế: sản phẩm này trong đơn ").append(m.code()).append(" đã bị hủy và không tính tiền")
                    .append(m.card() ? "; số tiền đã trả bằng thẻ được hoàn lại vào thẻ.\n" : ".\n");
        }
        return text.append("\nChợ OCOP").toString();
    }

    private static RecallNotice notice(Readable row) {
        return new RecallNotice(new OrderId(row.get("order_id", UUID.class)), new LotId(row.get("lot_id", UUID.class)),
                new ProductId(row.get("product_id", UUID.class)), row.get("product_name", String.class), row.get("lot_code", String.class),
                row.get("reason", String.class), row.get("recalled_at", OffsetDateTime.class), Boolean.TRUE.equals(row.get("received", Boolean.class)),
                Boolean.TRUE.equals(row.get("swapped", Boolean.class)), Boolean.TRUE.equals(row.get("cancelled", Boolean.class)));
    }
}

package vn.ocop.storefront.account;

import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogTime;
import vn.ocop.catalog.NoticeMailer;

/**
 * The e-mails of onboarding and accounts, in Vietnamese with a line of English: a producer's application approved
 * (with its owner's link) or rejected (with the reason), a member invited, a staff or council account made, a new
 * link sent. Each link works once, until the time the mail states (Hà Nội time).
 */
@Component
public class AccountMails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(CatalogTime.ZONE);

    private final NoticeMailer mailer;

    AccountMails(NoticeMailer mailer) {
        this.mailer = mailer;
    }

    public Mono<Void> approved(Invitation owner, String producerName, String representative, String base) {
        return mailer.send(owner.account().email(), "Hồ sơ bán hàng trên Chợ OCOP đã được duyệt", """
                Kính gửi %s,

                Hồ sơ đăng ký bán hàng của %s trên Chợ OCOP đã được duyệt. Tài khoản chủ gian hàng là %s.

                %s
                Sau đó đăng nhập tại %s/login để đăng sản phẩm và mời thành viên của bạn (trang "Thành viên").

                Your application to sell on Chợ OCOP was approved. Set your password with the link above (it works once,
                within 72 hours), then sign in.
                """.formatted(representative, producerName, owner.account().email(), setPassword(owner, base), base));
    }

    public Mono<Void> rejected(String to, String producerName, String reason, String base) {
        return mailer.send(to, "Hồ sơ bán hàng trên Chợ OCOP chưa được duyệt", """
                Hồ sơ đăng ký bán hàng của %s trên Chợ OCOP chưa được duyệt, vì lý do sau:

                %s

                Bạn có thể bổ sung, sửa và gửi lại hồ sơ tại %s/producers/apply.

                Your application to sell on Chợ OCOP was not approved, for the reason above. You may send a corrected one.
                """.formatted(producerName, reason, base));
    }

    public Mono<Void> invited(Invitation member, String producerName, String invitedBy, String base) {
        return mailer.send(member.account().email(), "Lời mời tham gia gian hàng " + producerName + " trên Chợ OCOP", """
                Xin chào %s,

                %s mời bạn làm thành viên của gian hàng %s trên Chợ OCOP: quản lý sản phẩm, tồn kho, đơn hàng và phiên live.

                %s
                You are invited to act for %s on Chợ OCOP. Set your password with the link above (once, within 72 hours).
                """.formatted(member.account().displayName(), invitedBy, producerName, setPassword(member, base), producerName));
    }

    /** A staff or council account made by an administrator; {@code acts} says for what, in words. */
    public Mono<Void> created(Invitation account, String acts, String base) {
        return mailer.send(account.account().email(), "Tài khoản Chợ OCOP của bạn", """
                Xin chào %s,

                Quản trị viên Chợ OCOP đã tạo cho bạn tài khoản %s.

                %s
                An account was made for you on Chợ OCOP. Set your password with the link above (once, within 72 hours).
                """.formatted(account.account().displayName(), acts, setPassword(account, base)));
    }

    public Mono<Void> renewed(Invitation account, String base) {
        return mailer.send(account.account().email(), "Liên kết đặt mật khẩu Chợ OCOP", """
                Xin chào %s,

                Đây là liên kết mới để đặt mật khẩu cho tài khoản %s trên Chợ OCOP; các liên kết gửi trước không còn dùng được.

                %s
                A new link to set your password on Chợ OCOP (once, within 72 hours); earlier links no longer work.
                """.formatted(account.account().displayName(), account.account().email(), setPassword(account, base)));
    }

    private static String setPassword(Invitation invitation, String base) {
        return """
                Đặt mật khẩu tại liên kết sau. Liên kết chỉ dùng được một lần, đến %s:
                %s
                """.formatted(WHEN.format(invitation.expiresAt()), invitation.link(base));
    }
}

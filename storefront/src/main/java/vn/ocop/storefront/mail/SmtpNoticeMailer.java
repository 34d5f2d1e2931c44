package vn.ocop.storefront.mail;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.ocop.catalog.NoticeMailer;

/** Sends through SMTP. JavaMailSender blocks on the network, so it runs on a thread that may block. */
final class SmtpNoticeMailer implements NoticeMailer {

    private final JavaMailSender sender;
    private final String from;

    SmtpNoticeMailer(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public Mono<Void> send(String to, String subject, String body) {
        return Mono.fromRunnable(() -> sender.send(message(to, subject, body)))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    private SimpleMailMessage message(String to, String subject, String body) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(subject);
        mail.setText(body);
        return mail;
    }
}

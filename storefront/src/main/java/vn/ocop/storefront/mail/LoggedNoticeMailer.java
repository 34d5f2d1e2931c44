package vn.ocop.storefront.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.NoticeMailer;

/** Without a mail server: one INFO line per mail, so the notice can still be seen (and the job still completes). */
final class LoggedNoticeMailer implements NoticeMailer {

    private static final Logger log = LoggerFactory.getLogger(LoggedNoticeMailer.class);

    @Override
    public Mono<Void> send(String to, String subject, String body) {
        return Mono.fromRunnable(() -> log.info("Mail (no spring.mail.host, not sent) to {}: {} | {}",
                to, subject, body.replace('\n', ' ').strip()));
    }
}

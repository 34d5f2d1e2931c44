package vn.ocop.catalog;

import reactor.core.publisher.Mono;

/**
 * Sends a producer notice by e-mail. The catalog only asks; the application decides how (SMTP, or a log line
 * when no mail server is configured). Completes when the mail is handed over; errors when it could not be.
 */
public interface NoticeMailer {

    Mono<Void> send(String to, String subject, String body);
}

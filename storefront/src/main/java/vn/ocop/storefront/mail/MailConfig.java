package vn.ocop.storefront.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import vn.ocop.catalog.NoticeMailer;

/**
 * Chooses how producer notices are e-mailed: Spring Boot configures a {@link JavaMailSender} when
 * {@code spring.mail.host} is set (SPRING_MAIL_HOST, SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, ...); without one
 * the mails are only logged, so a development or demo instance never needs a mail server.
 */
@Configuration(proxyBeanMethods = false)
class MailConfig {

    @Bean
    NoticeMailer noticeMailer(ObjectProvider<JavaMailSender> smtp,
                              @Value("${ocop.mail.from:Chợ OCOP <no-reply@ocop.vn>}") String from) {
        JavaMailSender sender = smtp.getIfAvailable();
        return sender == null ? new LoggedNoticeMailer() : new SmtpNoticeMailer(sender, from);
    }
}

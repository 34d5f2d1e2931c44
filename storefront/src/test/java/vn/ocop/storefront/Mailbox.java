package vn.ocop.storefront;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Reading what GreenMail received: the latest mail to an address, its text, the one-time link in it. */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s/]+(/account/set-password/[A-Za-z0-9_-]{43})");

    private Mailbox() {
    }

    /** A GreenMail SMTP server on a free loopback port, for one test class: {@code @RegisterExtension static final}. */
    public static SmtpServer server() {
        return new SmtpServer(freePort());
    }

    /** Sends the app's mail to that server: call from the class's {@code @DynamicPropertySource}. */
    public static void sendTo(SmtpServer smtp, DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", smtp::port);
    }

    /** GreenMail on a port known before it starts (it starts per test, after the Spring context reads the port). */
    public static final class SmtpServer extends GreenMailExtension {

        private final int port;

        SmtpServer(int port) {
            super(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            this.port = port;
        }

        public int port() {
            return port;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The latest mail to the address, waiting up to 10 seconds for one. */
    public static MimeMessage latestTo(GreenMailExtension smtp, String address) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> find(smtp, address), Optional::isPresent).orElseThrow();
    }

    public static long countTo(GreenMailExtension smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).contains(address)).count();
    }

    public static String text(MimeMessage mail) {
        try {
            return (String) mail.getContent();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path of the set-password link in the mail ({@code /account/set-password/<token>}). */
    public static String linkPath(MimeMessage mail) {
        Matcher m = LINK.matcher(text(mail));
        if (!m.find()) {
            throw new AssertionError("no set-password link in: " + text(mail));
        }
        return m.group(1);
    }

    /** The whole link, as the mail gives it. */
    public static String link(MimeMessage mail) {
        Matcher m = LINK.matcher(text(mail));
        if (!m.find()) {
            throw new AssertionError("no set-password link in: " + text(mail));
        }
        return m.group();
    }

    private static Optional<MimeMessage> find(GreenMailExtension smtp, String address) {
        MimeMessage[] all = smtp.getReceivedMessages();
        for (int i = all.length - 1; i >= 0; i--) {
            if (to(all[i]).contains(address)) {
                return Optional.of(all[i]);
            }
        }
        return Optional.empty();
    }

    private static String to(MimeMessage m) {
        try {
            return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

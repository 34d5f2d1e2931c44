package vn.ocop.storefront.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.core.log.LogMessage;

/** Spring's lazy log messages are built only when their level is on (commons-logging.properties). */
class CommonsLoggingTests {

    @Test
    void aDebugMessageIsNotBuiltWhileDebugIsOff() {
        level("vn.ocop.storefront.config.CommonsLoggingTests.quiet", ch.qos.logback.classic.Level.INFO);
        Log log = LogFactory.getLog("vn.ocop.storefront.config.CommonsLoggingTests.quiet");
        assertThat(log.isDebugEnabled()).isFalse();
        AtomicInteger built = new AtomicInteger();

        log.debug(LogMessage.of(() -> "built " + built.incrementAndGet()));
        log.trace(LogMessage.format("built %s", new Object() {
            @Override
            public String toString() {
                return "x" + built.incrementAndGet();
            }
        }));

        assertThat(built).hasValue(0);
        assertThat(LogFactory.getFactory().getClass().getName()).isEqualTo("org.apache.commons.logging.impl.Log4jApiLogFactory");
    }

    @Test
    void anInfoMessageStillReachesTheLog() {
        level("vn.ocop.storefront.config.CommonsLoggingTests.loud", ch.qos.logback.classic.Level.INFO);
        Log log = LogFactory.getLog("vn.ocop.storefront.config.CommonsLoggingTests.loud");
        AtomicInteger built = new AtomicInteger();

        log.info(LogMessage.of(() -> "built " + built.incrementAndGet()));

        assertThat(log.isInfoEnabled()).isTrue();
        assertThat(built).hasValue(1);
    }

    private static void level(String logger, ch.qos.logback.classic.Level level) {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(logger)).setLevel(level);
    }
}

package vn.ocop.storefront.health;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * PostgreSQL out of reach (down, restarting, refusing connections) is not a bug in the request: every route that
 * needs it answers 503 with Retry-After, and the outage is logged as one WARN when the first request meets it and
 * one when a probe (every two seconds while it lasts) finds the database back, rather than a stack trace per request.
 */
@Component
@EnableScheduling
public class DatabaseOutage {

    /** What a client is told to wait before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    private final DatabaseClient db;
    private final Clock clock;
    private final AtomicReference<Instant> since = new AtomicReference<>();
    private final AtomicLong refused = new AtomicLong();

    DatabaseOutage(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** True when {@code error}, or anything that caused it, says the database could not be reached or went away. */
    public static boolean causedBy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof R2dbcNonTransientResourceException || t instanceof R2dbcTransientResourceException
                    || t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof ConnectException || t instanceof ClosedChannelException
                    || t instanceof R2dbcException r && unreachable(r.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception), 57P01–57P03 (shut down, crashed, not accepting connections yet). */
    private static boolean unreachable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }

    /** A request met the outage: the first one of an outage is logged. */
    public void noticed(Throwable error) {
        refused.incrementAndGet();
        if (since.compareAndSet(null, clock.instant())) {
            log.warn("PostgreSQL cannot be reached ({}): requests that need it are answered 503 until it is back", rootCause(error));
        }
    }

    public boolean ongoing() {
        return since.get() != null;
    }

    /** Spring subscribes to the returned Mono on every tick (it calls this method once): everything is deferred. */
    @Scheduled(fixedDelay = 2000, initialDelay = 2000)
    Mono<Void> probeWhileDown() {
        return Mono.defer(() -> {
            Instant start = since.get();
            return start == null ? Mono.empty() : probe(start);
        });
    }

    private Mono<Void> probe(Instant start) {
        return db.sql("select 1").fetch().rowsUpdated()
                .timeout(Duration.ofSeconds(2))
                .doOnSuccess(ok -> {
                    if (since.compareAndSet(start, null)) {
                        log.warn("PostgreSQL is reachable again after {} s; {} requests were answered 503 meanwhile",
                                Duration.between(start, clock.instant()).toSeconds(), refused.getAndSet(0));
                    }
                })
                .onErrorResume(e -> Mono.empty())
                .then();
    }

    private static String rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}

package vn.ocop.storefront.session;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import vn.ocop.storefront.account.AccountChanged;

/**
 * The signed-in sessions this instance has read, kept in memory so that a signed-in request reads no row (ADR 0011).
 * A copy is served only while this instance is LISTENing on {@value #CHANNEL}, where PostgreSQL announces after
 * commit every session deleted or rewritten and every account changed (migration V2026_12_13_10), whichever instance
 * or statement made the change; each announcement drops the copies it names. While the LISTEN connection is down
 * nothing is served from memory and nothing is kept, and when it is back every copy made before is dropped, since
 * announcements may have been missed meanwhile. A copy is also dropped after {@code ocop.sessions.cache.keep}
 * (a minute) whatever happens, a bound on any announcement lost without the connection noticing.
 *
 * <p>A read that was in flight when an announcement arrived is not kept (the row it brings may predate the change):
 * every announcement, local eviction, connect and disconnect moves {@link #epoch}, and a read keeps its row only if
 * the epoch it started in is still the current one. This instance's own changes drop its copies at once, before
 * their announcement comes back.
 */
@Component
class SessionCache implements SmartLifecycle {

    static final String CHANNEL = "ocop_session";

    private static final Logger log = LoggerFactory.getLogger(SessionCache.class);

    /** A session's row as {@link PostgresSessions} read it, the e-mail of the account read with it, and when. */
    private record Copy(PostgresSessions.Row row, String accountEmail, Instant readAt) {
    }

    private final ConnectionFactory connections;
    private final Clock clock;
    private final boolean enabled;
    private final Duration keep;
    private final int capacity;
    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    /** Guarded by this. */
    private long epoch;
    private volatile boolean listening;
    private volatile Disposable listener;

    SessionCache(ConnectionFactory connections, Clock clock,
                 @Value("${ocop.sessions.cache.enabled:true}") boolean enabled,
                 @Value("${ocop.sessions.cache.keep:60s}") Duration keep,
                 @Value("${ocop.sessions.cache.capacity:20000}") int capacity) {
        this.connections = connections;
        this.clock = clock;
        this.enabled = enabled;
        this.keep = keep;
        this.capacity = capacity;
    }

    /** The copy of the session stored under {@code key} (the hex of its id's hash), or null: read the row. */
    PostgresSessions.Row get(String key) {
        if (!listening) {
            return null;
        }
        Copy copy = copies.get(key);
        if (copy == null) {
            return null;
        }
        if (!copy.readAt().plus(keep).isAfter(clock.instant())) {
            copies.remove(key, copy);
            return null;
        }
        return copy.row();
    }

    /** Taken before reading a row, handed back to {@link #keep}: -1 when nothing may be kept now. */
    synchronized long ticket() {
        return listening ? epoch : -1;
    }

    /** Keeps the row read under {@code ticket}, unless something changed since the ticket was taken. */
    synchronized void keep(String key, PostgresSessions.Row row, long ticket) {
        if (ticket < 0 || ticket != epoch || !listening) {
            return;
        }
        if (copies.size() >= capacity) {
            copies.clear(); // a crude bound: a full cache starts again (every entry is at most a minute old anyway)
        }
        copies.put(key, new Copy(row, row.account().map(a -> a.email().toLowerCase(Locale.ROOT)).orElse(null), clock.instant()));
    }

    /** Drops the copy of one session: this instance changed or deleted its row. */
    synchronized void evict(String key) {
        epoch++;
        copies.remove(key);
    }

    /** Drops the copies of every session of the account. */
    synchronized void evictAccount(String email) {
        epoch++;
        String lower = email.toLowerCase(Locale.ROOT);
        copies.values().removeIf(c -> lower.equals(c.accountEmail()));
    }

    @EventListener
    void accountChanged(AccountChanged change) {
        evictAccount(change.email());
    }

    /** Whether copies are being served (tests wait on it). */
    boolean listening() {
        return listening;
    }

    private synchronized void listeningNow(boolean now) {
        epoch++;
        copies.clear();
        listening = now;
    }

    private void announced(String payload) {
        if (payload == null || payload.length() < 3) {
            return;
        }
        String subject = payload.substring(2);
        if (payload.startsWith("s:")) {
            evict(subject);
        } else if (payload.startsWith("a:")) {
            evictAccount(subject);
        }
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        listener = listen()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(r -> log.warn("Sessions: LISTEN connection lost, reading every session from PostgreSQL until it is back: {}",
                                r.failure().toString())))
                .subscribe(this::announced);
    }

    private Flux<String> listen() {
        // a connection of its own, outside the pool: it stays open and LISTENing as long as the instance runs
        ConnectionFactory unpooled = connections instanceof Wrapped<?> w && w.unwrap() instanceof ConnectionFactory f ? f : connections;
        return Flux.usingWhen(Mono.from(unpooled.create()).cast(PostgresqlConnection.class),
                // subscribed to the notifications before LISTEN is sent: none that follows it can pass unseen
                c -> Flux.merge(c.getNotifications().mapNotNull(n -> n.getParameter()),
                                c.createStatement("LISTEN " + CHANNEL).execute()
                                        .flatMap(PostgresqlResult::getRowsUpdated)
                                        .doOnComplete(() -> listeningNow(true))
                                        .thenMany(Flux.<String>empty()))
                        .concatWith(Mono.error(new IllegalStateException("LISTEN connection ended")))
                        .doFinally(s -> listeningNow(false)),
                c -> c.close());
    }

    @Override
    public void stop() {
        Disposable l = listener;
        if (l != null) {
            l.dispose();
        }
        listeningNow(false);
    }

    @Override
    public boolean isRunning() {
        return listener != null && !listener.isDisposed();
    }
}

package vn.ocop.orders.live;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import vn.ocop.orders.LiveNews;

/**
 * Pushes to viewers, shared by every instance of the app through PostgreSQL: each change is a NOTIFY on
 * {@code ocop_live} sent by the transaction that made it (so only committed changes are told), and each
 * instance LISTENs on a connection of its own and fans the news out to its own viewers of that event. Per
 * event and instance the state is read once per change, however many watch; remaining counts are sent at most
 * every 200 ms per offer. Viewer counts travel the same way, each instance telling its own count.
 *
 * <p>A viewer is a key (an account, or a client address for anonymous viewers, chosen by the web layer): each
 * instance counts the distinct keys watching the event there, so ten streams from one browser or address count
 * once. Keys are not shared between instances: one viewer whose streams land on two instances counts once on
 * each (inflating the count thus takes as many instances as viewers gained). Connecting and disconnecting cost
 * one map update per stream.
 *
 * <p>When the context closes, before the web server's graceful shutdown, every viewer's stream completes and the
 * LISTEN connection is closed: an open stream would otherwise hold the shutdown until its timeout.
 */
@Component
public class LiveHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
    static final Duration REMAINING_EVERY = Duration.ofMillis(200);
    static final Duration VIEWERS_EVERY = Duration.ofSeconds(1);

    /** One NOTIFY: the event, what happened, and for counts the offer and number, or the instance and its viewers. */
    record Note(UUID event, String type, UUID offer, Integer number, String instance) {
        static Note parse(String payload) {
            String[] f = payload.split(",", -1);
            return new Note(UUID.fromString(f[0]), f[1], f[2].isEmpty() ? null : UUID.fromString(f[2]),
                    f[3].isEmpty() ? null : Integer.valueOf(f[3]), f.length > 4 ? f[4] : null);
        }
    }

    private final ConnectionFactory connections;
    private final DatabaseClient db;
    private final LiveStates states;
    private final String instance = UUID.randomUUID().toString();
    private final Sinks.Many<Note> notes = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<UUID> watchersChanged = Sinks.many().multicast().directBestEffort();
    /** Per event, the viewers watching on this instance and how many streams each has open. */
    private final Map<UUID, Map<String, Integer>> watching = new ConcurrentHashMap<>();
    private final Map<UUID, Map<String, Integer>> watchingElsewhere = new ConcurrentHashMap<>();
    private final Map<UUID, Flux<LiveNews>> streams = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis());
    private final Sinks.One<Boolean> listening = Sinks.one();
    private final Sinks.One<Boolean> closing = Sinks.one();
    private volatile Disposable listener;
    private volatile Disposable counter;

    LiveHub(ConnectionFactory connections, DatabaseClient db, LiveStates states) {
        this.connections = connections;
        this.db = db;
        this.states = states;
    }

    @Override
    public void start() {
        listener = listen().retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(r -> log.warn("Live pushes: LISTEN connection lost, listening again: {}", r.failure().toString())))
                .subscribe(n -> notes.emitNext(n, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100))));
        counter = watchersChanged.asFlux().groupBy(e -> e).flatMap(g -> g.sample(VIEWERS_EVERY))
                .concatMap(e -> tellViewers(e).onErrorResume(err -> Mono.empty()))
                .subscribe();
    }

    /** Completes once this instance is listening (tests wait on it before changing things). */
    public Mono<Boolean> ready() {
        return listening.asMono();
    }

    /** The next SSE id: increasing on this instance. */
    public long nextId() {
        return ids.incrementAndGet();
    }

    /** Viewers of the event on every instance. */
    public int viewers(UUID event) {
        return here(event) + watchingElsewhere.getOrDefault(event, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    private int here(UUID event) {
        return watching.getOrDefault(event, Map.of()).size();
    }

    /**
     * The event's news on this instance, one upstream shared by its viewers here. The viewer counts once however
     * many streams it has open, until its last one ends.
     */
    public Flux<LiveNews> news(UUID event, String viewer) {
        if (viewer == null || viewer.isBlank()) {
            return Flux.error(new IllegalArgumentException("a live stream needs a viewer key"));
        }
        return Flux.defer(() -> {
            Map<String, Integer> viewers = watching.computeIfAbsent(event, e -> new ConcurrentHashMap<>());
            if (viewers.merge(viewer, 1, Integer::sum) == 1) {
                viewersChanged(event);
            }
            return streams.computeIfAbsent(event, this::stream).doFinally(s -> {
                if (viewers.computeIfPresent(viewer, (key, open) -> open == 1 ? null : open - 1) == null) {
                    viewersChanged(event);
                }
            });
        });
    }

    private void viewersChanged(UUID event) {
        watchersChanged.emitNext(event, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }

    private Flux<LiveNews> stream(UUID event) {
        Flux<Note> mine = notes.asFlux().filter(n -> n.event().equals(event));
        // the notes wait in an unbounded queue while the state is read for the one before: the sink drops what a
        // subscriber has not asked for, and concatMap asks for 32 at a time, so a burst of changes lost some
        Flux<LiveNews> changes = mine.filter(n -> !n.type().equals("remaining") && !n.type().equals("viewers")).onBackpressureBuffer()
                .concatMap(n -> states.state(event, viewers(event)).map(s -> LiveNews.state(nextId(), n.type(), s)).onErrorResume(e -> Mono.empty()));
        Flux<LiveNews> remaining = mine.filter(n -> n.type().equals("remaining")).groupBy(Note::offer)
                .flatMap(g -> g.sample(REMAINING_EVERY))
                .map(n -> new LiveNews(nextId(), "remaining", event, null, n.offer(), n.number(), null));
        Flux<LiveNews> viewers = Flux.merge(mine.filter(n -> n.type().equals("viewers")).map(Note::event), watchersChanged.asFlux().filter(event::equals))
                .sample(VIEWERS_EVERY)
                .map(e -> new LiveNews(nextId(), "viewers", event, null, null, null, viewers(event)));
        // closing ends the shared stream, and so every viewer's (one subscription, not one per viewer)
        return Flux.merge(changes, remaining, viewers).takeUntilOther(closing.asMono())
                .doFinally(s -> streams.remove(event))
                .publish().refCount();
    }

    private Flux<Note> listen() {
        ConnectionFactory unpooled = connections instanceof Wrapped<?> w && w.unwrap() instanceof ConnectionFactory f ? f : connections;
        return Flux.usingWhen(Mono.from(unpooled.create()).cast(PostgresqlConnection.class),
                c -> c.createStatement("LISTEN " + LiveRows.CHANNEL).execute()
                        .flatMap(PostgresqlResult::getRowsUpdated)
                        .doOnComplete(() -> listening.tryEmitValue(true))
                        .thenMany(c.getNotifications())
                        .mapNotNull(n -> n.getParameter() == null ? null : Note.parse(n.getParameter()))
                        .doOnNext(this::remember)
                        .concatWith(Mono.error(new IllegalStateException("LISTEN connection ended"))),
                c -> c.close());
    }

    /** Other instances' viewer counts, kept per instance. */
    private void remember(Note n) {
        if (n.type().equals("viewers") && !instance.equals(n.instance()) && n.instance() != null) {
            watchingElsewhere.computeIfAbsent(n.event(), e -> new ConcurrentHashMap<>()).put(n.instance(), n.number());
        }
    }

    private Mono<Void> tellViewers(UUID event) {
        return db.sql("select pg_notify(:channel, :payload)").bind("channel", LiveRows.CHANNEL)
                .bind("payload", event + ",viewers,," + here(event) + "," + instance).then();
    }

    /** Ends every viewer's stream (their SSE responses complete) and stops listening. */
    @Override
    public void stop() {
        closing.tryEmitValue(true);
        if (listener != null) {
            listener.dispose();
        }
        if (counter != null) {
            counter.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null && !listener.isDisposed();
    }
}

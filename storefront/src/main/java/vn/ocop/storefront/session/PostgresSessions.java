package vn.ocop.storefront.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Collectors;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.ocop.storefront.account.Account;
import vn.ocop.storefront.account.Accounts;

/**
 * Spring Session's repository over R2DBC (Spring Session has no reactive JDBC store): table {@code web_session},
 * one row per session, keyed by the SHA-256 of its id. A session reaches the table only when it is saved with
 * something in it, which on this site means signing in; the first request of a new visitor reads nothing. A
 * request of a signed-in person reads the row once and writes back its last access (its attributes too when
 * they changed), at most once a minute when nothing else changed: a signed-in request then reads one row and writes
 * none, and an idle session expires between its timeout less a minute and its timeout. The session's row is read
 * with its account (joined on {@code account_email}), so a signed-in request reads one row where it read two. A session idle longer than
 * its timeout is never read again and {@link #purgeExpired} deletes it. Rows read are kept in memory by {@link SessionCache} while
 * PostgreSQL's announcements of changes reach this instance, so most signed-in requests read no row at all (ADR 0011).
 */
@Repository
public class PostgresSessions implements ReactiveSessionRepository<StoredSession> {

    private static final Logger log = LoggerFactory.getLogger(PostgresSessions.class);
    private static final String ACCOUNT_COLUMNS = Arrays.stream(Accounts.COLUMNS.split(","))
            .map(c -> "a." + c.strip()).collect(Collectors.joining(", "));

    /** How stale a stored last access may be before a request writes it again. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final DatabaseClient db;
    private final SessionCache cache;
    private final Clock clock;
    private final Duration maxIdle;

    PostgresSessions(DatabaseClient db, SessionCache cache, Clock clock, @Value("${server.reactive.session.timeout:30m}") Duration maxIdle) {
        this.db = db;
        this.cache = cache;
        this.clock = clock;
        this.maxIdle = maxIdle;
    }

    @Override
    public Mono<StoredSession> createSession() {
        return Mono.fromSupplier(() -> StoredSession.create(clock, maxIdle));
    }

    @Override
    public Mono<Void> save(StoredSession session) {
        if (session.storedWithin(TOUCH_EVERY)) {
            return Mono.empty();
        }
        Mono<Long> write = session.isNew() ? insert(session) : update(session);
        // the copy in memory is older than the row now: the next request reads the row (about once a minute a session)
        return write.doOnNext(rows -> {
            if (!session.isNew()) {
                cache.evict(key(session.storedId()));
            }
            session.saved();
        }).then();
    }

    private Mono<Long> insert(StoredSession s) {
        return db.sql("""
                        insert into web_session (id_hash, created_at, last_accessed_at, max_idle_seconds, expires_at, attributes, account_email)
                        values (:id, :created, :accessed, :idle, :expires, :attributes, :email)""")
                .bind("id", hash(s.getId()))
                .bind("created", at(s.getCreationTime()))
                .bind("accessed", at(s.getLastAccessedTime()))
                .bind("idle", (int) s.getMaxInactiveInterval().toSeconds())
                .bind("expires", at(s.expiresAt()))
                .bind("attributes", SessionAttributes.write(s.attributes()))
                .bind("email", Parameters.in(R2dbcType.VARCHAR, signedInAs(s)))
                .fetch().rowsUpdated();
    }

    /** Under its new id if it changed (sign-in); a session deleted meanwhile (sign-out elsewhere) stays deleted. */
    private Mono<Long> update(StoredSession s) {
        String attributes = s.attributesChanged() ? ", attributes = :attributes, account_email = :email" : "";
        var spec = db.sql("update web_session set id_hash = :id, last_accessed_at = :accessed, max_idle_seconds = :idle, "
                        + "expires_at = :expires" + attributes + " where id_hash = :stored")
                .bind("id", hash(s.getId()))
                .bind("accessed", at(s.getLastAccessedTime()))
                .bind("idle", (int) s.getMaxInactiveInterval().toSeconds())
                .bind("expires", at(s.expiresAt()))
                .bind("stored", hash(s.storedId()));
        if (s.attributesChanged()) {
            spec = spec.bind("attributes", SessionAttributes.write(s.attributes())).bind("email", Parameters.in(R2dbcType.VARCHAR, signedInAs(s)));
        }
        return spec.fetch().rowsUpdated();
    }

    /**
     * The session and, in the same statement, the account it signs in (still enabled or not: {@code EnabledAccountsOnly}
     * decides), offered as {@link StoredSession#ACCOUNT_READ_WITH_IT}.
     */
    @Override
    public Mono<StoredSession> findById(String id) {
        byte[] hash = hash(id);
        String key = HexFormat.of().formatHex(hash);
        Row copy = cache.get(key);
        if (copy != null && copy.expiresAt().isAfter(clock.instant())) {
            return Mono.defer(() -> decode(id, copy));
        }
        // a copy that looks expired may be older than the row (another instance wrote a later last access): read it
        long ticket = cache.ticket();
        return db.sql("select s.created_at, s.last_accessed_at, s.max_idle_seconds, s.attributes, " + ACCOUNT_COLUMNS
                        + " from web_session s left join account a on a.email = lower(trim(s.account_email))"
                        + " where s.id_hash = :id and s.expires_at > :now")
                .bind("id", hash)
                .bind("now", at(clock.instant()))
                .map((row, md) -> new Row(row.get("created_at", OffsetDateTime.class), row.get("last_accessed_at", OffsetDateTime.class),
                        row.get("max_idle_seconds", Integer.class), row.get("attributes", byte[].class), Optional.ofNullable(Accounts.joined(row))))
                .one()
                .doOnNext(row -> cache.keep(key, row, ticket))
                // on the calling thread: a few hundred bytes of CPU work (class loading the first time is allowed);
                // a hop to boundedElastic per request would make every signed-in page wait on that shared pool
                .flatMap(row -> decode(id, row));
    }

    private Mono<StoredSession> decode(String id, Row row) {
        try {
            return Mono.just(StoredSession.stored(clock, id, row.created().toInstant(), row.accessed().toInstant(),
                    Duration.ofSeconds(row.idleSeconds()), SessionAttributes.read(row.attributes()), row.account().orElse(null)));
        } catch (Exception unreadable) {
            log.warn("Dropped a stored session whose attributes cannot be read ({}); its owner signs in again", unreadable.toString());
            return deleteById(id).then(Mono.empty());
        }
    }

    /** The name the session's security context signs in, if any: stored beside the attributes so that reading the session can join its account. */
    static String signedInAs(StoredSession s) {
        Object context = s.attributes().get(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME);
        return context instanceof SecurityContext c && c.getAuthentication() != null ? c.getAuthentication().getName() : null;
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return db.sql("delete from web_session where id_hash = :id").bind("id", hash(id)).then()
                .doOnSuccess(done -> cache.evict(key(id)));
    }

    /** Deletes the sessions idle past their timeout; emits how many. */
    public Mono<Long> purgeExpired() {
        return db.sql("delete from web_session where expires_at <= :now").bind("now", at(clock.instant())).fetch().rowsUpdated();
    }

    static byte[] hash(String id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** How {@link SessionCache} and PostgreSQL's announcements name a session: the hex of its id's hash. */
    static String key(String id) {
        return HexFormat.of().formatHex(hash(id));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A session's row as read, with the account it signs in; never changed once read (a copy may serve many requests). */
    record Row(OffsetDateTime created, OffsetDateTime accessed, int idleSeconds, byte[] attributes, Optional<Account> account) {

        Instant expiresAt() {
            return accessed.toInstant().plusSeconds(idleSeconds);
        }
    }
}

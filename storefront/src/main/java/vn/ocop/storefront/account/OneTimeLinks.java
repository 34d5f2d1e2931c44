package vn.ocop.storefront.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * One-time links to set a password (table account_link). The token is 32 random bytes, given out once (in the
 * mail) and kept only as its SHA-256. A link lasts {@link #LIFETIME}; using it is one conditional statement, so two
 * uses at once set one password. Issuing a link for an account deletes its older unused ones.
 */
@Repository
public class OneTimeLinks {

    public static final Duration LIFETIME = Duration.ofHours(72);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why a link does not work: never issued (or replaced), used already, or too old. */
    public enum State { VALID, UNKNOWN, USED, EXPIRED }

    /** The link's state and, when it was issued, its account. */
    public record Lookup(State state, UUID account) {
    }

    /** A link just made: the token to mail (never stored) and when it stops working. */
    public record Issued(String token, Instant expiresAt) {
    }

    private final DatabaseClient db;
    private final Clock clock;

    OneTimeLinks(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * A fresh link for the account, valid {@link #LIFETIME} from now; its older unused links stop working. Two
     * statements: run it in a transaction.
     */
    public Mono<Issued> issue(UUID account) {
        return Mono.defer(() -> {
            String token = newToken();
            Instant now = clock.instant();
            return db.sql("delete from account_link where account_id = :account and used_at is null").bind("account", account).then()
                    .then(db.sql("insert into account_link (token_hash, account_id, created_at, expires_at) values (:hash, :account, :now, :expires)")
                            .bind("hash", hash(token)).bind("account", account)
                            .bind("now", utc(now)).bind("expires", utc(now.plus(LIFETIME)))
                            .then())
                    .thenReturn(new Issued(token, now.plus(LIFETIME)));
        });
    }

    /** What the token is now, without using it. */
    public Mono<Lookup> look(String token) {
        if (!wellFormed(token)) {
            return Mono.just(new Lookup(State.UNKNOWN, null));
        }
        return db.sql("select account_id, used_at, expires_at from account_link where token_hash = :hash")
                .bind("hash", hash(token))
                .map((row, md) -> new Lookup(state(row.get("used_at", OffsetDateTime.class), row.get("expires_at", OffsetDateTime.class),
                        clock.instant()), row.get("account_id", UUID.class)))
                .one()
                .defaultIfEmpty(new Lookup(State.UNKNOWN, null));
    }

    /** Uses the link: emits its account when it was valid, and from then on it is USED; empty otherwise. */
    public Mono<UUID> use(String token) {
        if (!wellFormed(token)) {
            return Mono.empty();
        }
        return Mono.defer(() -> db.sql("update account_link set used_at = :now where token_hash = :hash and used_at is null"
                        + " and expires_at > :now returning account_id")
                .bind("hash", hash(token)).bind("now", utc(clock.instant()))
                .map((row, md) -> row.get("account_id", UUID.class))
                .one());
    }

    private static State state(OffsetDateTime used, OffsetDateTime expires, Instant now) {
        if (used != null) {
            return State.USED;
        }
        return expires.toInstant().isAfter(now) ? State.VALID : State.EXPIRED;
    }

    /** 43 characters of base64url: what {@link #newToken} makes; anything else was never ours. */
    static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

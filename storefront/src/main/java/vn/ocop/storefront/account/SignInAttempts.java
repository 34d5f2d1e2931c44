package vn.ocop.storefront.account;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Limits password guessing, per account (the e-mail typed, lower case, whether or not it has an account) and per
 * client address. Five failures within 15 minutes lock that account or address: 1 minute the first time, then 2,
 * 4, 8 and at most 15 minutes for each further lockout. While locked every attempt is refused, even with the right
 * password, and no password is checked. An attempt is counted as in flight before its password is checked, and
 * failures plus attempts in flight never exceed five, so parallel guesses cannot slip past the limit (a sixth
 * attempt at once is refused for a second). A success clears the account's failures and lockouts (never the
 * address's: one account of one's own must not reset guessing at others). Counts live in PostgreSQL, one row per
 * account and per address, each change one conditional statement, so every instance shares them; rows quiet for
 * a day are purged. An attempt cut off midway (the client went away) stays in flight until its window ends.
 */
@Repository
public class SignInAttempts {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_LOCKOUT = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCKOUT = Duration.ofMinutes(15);
    static final Duration BUSY = Duration.ofSeconds(1);
    static final Duration KEPT = Duration.ofDays(1);

    // rows in this order (account, then address) in every statement that takes both, so two never wait on each other
    private static final String START = """
            insert into sign_in_attempt as a (scope, subject, failures, in_flight, window_start, lockouts, locked_until, updated_at)
            values ('account', :account, 0, 1, :now, 0, null, :now), ('address', :address, 0, 1, :now, 0, null, :now)
            on conflict (scope, subject) do update set
                failures     = case when a.locked_until > :now then a.failures
                                    when a.window_start <= :windowStart then 0 else a.failures end,
                in_flight    = case when a.locked_until > :now then a.in_flight
                                    when a.window_start <= :windowStart then 1 else a.in_flight + 1 end,
                window_start = case when a.locked_until > :now or a.window_start > :windowStart then a.window_start else :now end,
                updated_at   = :now
            returning scope, locked_until, failures + in_flight as counted""";

    private static final String FAILED = """
            update sign_in_attempt set
                in_flight    = greatest(in_flight - 1, 0),
                failures     = case when failures + 1 >= :limit then 0 else failures + 1 end,
                lockouts     = case when failures + 1 >= :limit then lockouts + 1 else lockouts end,
                locked_until = case when failures + 1 >= :limit
                                    then :now + make_interval(secs => least(:first * power(2, least(lockouts, 16)), :longest))
                                    else locked_until end,
                window_start = case when failures + 1 >= :limit then :now else window_start end,
                updated_at   = :now
            where scope = :scope and subject = :subject""";

    private final DatabaseClient db;

    SignInAttempts(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Counts an attempt in flight for both; fails with {@link TooManySignInAttempts} while either is locked, or
     * when five are already failed or in flight (then nothing stays counted). Each successful start is followed
     * by {@link #failed}, {@link #succeeded} or {@link #abandoned}.
     */
    public Mono<Void> start(String account, String address, Instant now) {
        OffsetDateTime at = utc(now);
        return db.sql(START)
                .bind("account", account).bind("address", address).bind("now", at).bind("windowStart", at.minus(WINDOW))
                .map((row, md) -> new Count(row.get("scope", String.class), row.get("locked_until", OffsetDateTime.class),
                        row.get("counted", Integer.class)))
                .all()
                .collectList()
                .flatMap(counts -> refusal(counts, at)
                        .map(wait -> Flux.fromIterable(counts).filter(c -> !c.lockedAt(at))
                                .concatMap(c -> release(c.scope(), c.scope().equals("account") ? account : address))
                                .then(Mono.<Void>error(new TooManySignInAttempts(wait))))
                        .orElse(Mono.empty()));
    }

    /** The password was wrong (or the account disabled): a failure for both; the fifth locks. */
    public Mono<Void> failed(String account, String address, Instant now) {
        return recordFailure("account", account, now).then(recordFailure("address", address, now));
    }

    /** Signed in: the account starts afresh, and the address's attempt is no longer in flight. */
    public Mono<Void> succeeded(String account, String address) {
        return db.sql("delete from sign_in_attempt where scope = 'account' and subject = :account").bind("account", account).then()
                .then(release("address", address));
    }

    /** The check could not be made (the database failed, say): the attempt counts neither way. */
    public Mono<Void> abandoned(String account, String address) {
        return release("account", account).then(release("address", address));
    }

    /** Forgets rows with no attempt for a day and no lock running; emits how many. */
    public Mono<Long> purge(Instant now) {
        OffsetDateTime at = utc(now);
        return db.sql("delete from sign_in_attempt where updated_at < :old and (locked_until is null or locked_until < :now)")
                .bind("old", at.minus(KEPT)).bind("now", at)
                .fetch().rowsUpdated();
    }

    private Mono<Void> recordFailure(String scope, String subject, Instant now) {
        return db.sql(FAILED)
                .bind("scope", scope).bind("subject", subject).bind("now", utc(now)).bind("limit", LIMIT)
                .bind("first", (double) FIRST_LOCKOUT.toSeconds()).bind("longest", (double) LONGEST_LOCKOUT.toSeconds())
                .then();
    }

    private Mono<Void> release(String scope, String subject) {
        return db.sql("update sign_in_attempt set in_flight = greatest(in_flight - 1, 0) where scope = :scope and subject = :subject")
                .bind("scope", scope).bind("subject", subject).then();
    }

    /** How long to wait, if this attempt may not go on: the longest lock running, else a second when five are counted. */
    private static Optional<Duration> refusal(List<Count> counts, OffsetDateTime now) {
        var lock = counts.stream().filter(c -> c.lockedAt(now)).map(c -> Duration.between(now, c.lockedUntil())).max(Duration::compareTo);
        if (lock.isPresent()) {
            return lock;
        }
        return counts.stream().anyMatch(c -> c.counted() > LIMIT) ? Optional.of(BUSY) : Optional.empty();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Count(String scope, OffsetDateTime lockedUntil, int counted) {
        boolean lockedAt(OffsetDateTime now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }
}

package vn.ocop.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Runs a scheduled job once per run slot across every instance of the app sharing the database. A slot names
 * one run: the job's scheduled time truncated to its period ({@link #slot(Duration)}, {@link #dailySlot(LocalTime)}).
 * Every instance keeps its own timer; whichever fires first inserts the row (job, slot) in
 * {@code scheduled_run} and runs, every other instance's insert conflicts and it skips that slot. Unlike a lock,
 * this also stops a second instance whose timer fires later in the same slot, after the first has finished.
 *
 * <pre>{@code
 * runs.once("storefront.session-purge", () -> runs.slot(Duration.ofMinutes(5)), sessions::purgeExpired)
 * }</pre>
 *
 * A run that fails gives its slot back, so a later timer in the same slot (another instance's, or the
 * same job's next fire) tries again; the work must therefore be safe to repeat. A run cut short by the
 * instance dying keeps its slot: the next slot catches up. Each claim deletes its job's rows more than
 * {@link #KEPT} older than the new slot.
 */
@Service
public class ScheduledRuns {

    /** How long claims are kept: longer than any job's period, so an old slot is never claimed twice. */
    public static final Duration KEPT = Duration.ofDays(7);

    private final DatabaseClient db;
    private final Clock clock;
    private final String instance = System.getenv().getOrDefault("HOSTNAME", "instance") + "/" + ProcessHandle.current().pid()
            + "/" + UUID.randomUUID().toString().substring(0, 8);

    ScheduledRuns(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Runs the work if this instance claims the slot; emits its result, or nothing when another instance has the slot.
     * The slot and the work are taken anew at each subscription: Spring calls a reactive {@code @Scheduled} method once
     * and subscribes again to the Mono it returned at every tick, so a slot computed when the method ran would stay
     * the first one forever (every later tick would find it taken and skip).
     */
    public <T> Mono<T> once(String job, Supplier<Instant> slot, Supplier<Mono<T>> work) {
        return Mono.defer(() -> {
            Instant current = slot.get();
            return claim(job, current)
                    .filter(Boolean::booleanValue)
                    .flatMap(claimed -> work.get().onErrorResume(failure -> release(job, current)
                            .onErrorResume(releaseFailed -> Mono.empty()) // the slot stays taken; the next one catches up
                            .then(Mono.error(failure))));
        });
    }

    /** Claims the job's slot for this instance: true for the first caller across instances, false for every later one. */
    public Mono<Boolean> claim(String job, Instant slot) {
        if (job == null || job.isBlank() || slot == null) {
            return Mono.error(new IllegalArgumentException("a scheduled run needs a job name and a slot"));
        }
        return db.sql("""
                        with claimed as (
                            insert into scheduled_run (job, slot, claimed_by, claimed_at) values (:job, :slot, :by, :now)
                            on conflict (job, slot) do nothing
                            returning slot),
                        purged as (
                            delete from scheduled_run where job = :job and slot < :before and exists (select 1 from claimed))
                        select count(*) as claimed from claimed""")
                .bind("job", job)
                .bind("slot", slot.atOffset(ZoneOffset.UTC))
                .bind("by", instance)
                .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                .bind("before", slot.minus(KEPT).atOffset(ZoneOffset.UTC))
                .map((row, md) -> row.get("claimed", Long.class) == 1L)
                .one();
    }

    /** Gives a claimed slot back (its run failed), so that the next timer in the same slot runs the job again. */
    public Mono<Void> release(String job, Instant slot) {
        return db.sql("delete from scheduled_run where job = :job and slot = :slot and claimed_by = :by")
                .bind("job", job)
                .bind("slot", slot.atOffset(ZoneOffset.UTC))
                .bind("by", instance)
                .then();
    }

    /**
     * The current slot of a job run every {@code period}: now truncated to a multiple of the period since the epoch
     * (whole minutes, whole 15 seconds...; a period that divides an hour lines up with Vietnam's wall clock too).
     */
    public Instant slot(Duration period) {
        long millis = period.toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException("a job's period must be positive: " + period);
        }
        return Instant.ofEpochMilli(Math.floorDiv(clock.millis(), millis) * millis);
    }

    /** The current slot of a daily job due at {@code at} in Asia/Ho_Chi_Minh: the latest such time at or before now. */
    public Instant dailySlot(LocalTime at) {
        ZonedDateTime now = clock.instant().atZone(CatalogTime.ZONE);
        ZonedDateTime today = now.toLocalDate().atTime(at).atZone(CatalogTime.ZONE);
        return (today.isAfter(now) ? today.minusDays(1) : today).toInstant();
    }

    /** This instance's name in the claims it writes (host, process, and a random part for several apps in one JVM). */
    public String instance() {
        return instance;
    }
}

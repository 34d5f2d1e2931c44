package vn.ocop.devservices;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one child process running. A thread of its own waits for the child to exit; when it dies (crash,
 * kill -9, out of memory) it logs one WARN, starts it again the way it was started (same port, same data),
 * and logs one INFO once it is back. Restarts back off ({@link Backoff}) so a child that cannot start, or
 * dies again at once, never makes it spin. {@link #close()} stops watching before the owner stops the child,
 * so a normal stop is never mistaken for a death.
 */
final class Watchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    /** What the watchdog keeps alive. */
    interface Child {
        /** For log lines: "PostgreSQL". */
        String name();

        /** For log lines: "on port 5432". */
        String where();

        /** The child's current log file (before the restart rotates it). */
        java.nio.file.Path log();

        Process process();

        /** Clears what the dead child left (processes, locks), starts it again and waits until it is ready; throws if it is not. */
        void restart();
    }

    /** Sleeps between restarts; tests record the delays instead. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Child child;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final Thread thread;
    private volatile boolean closing;

    private Watchdog(Child child, Backoff backoff, Sleeper sleeper, LongSupplier nanoTime) {
        this.child = child;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
        this.thread = new Thread(this::watch, "ocop-watchdog-" + child.name().toLowerCase(java.util.Locale.ROOT));
        this.thread.setDaemon(true);
    }

    static Watchdog watch(Child child) {
        return watch(child, Backoff.DEFAULT, d -> Thread.sleep(d.toMillis()), System::nanoTime);
    }

    static Watchdog watch(Child child, Backoff backoff, Sleeper sleeper, LongSupplier nanoTime) {
        Watchdog w = new Watchdog(child, backoff, sleeper, nanoTime);
        w.thread.start();
        return w;
    }

    private void watch() {
        int failures = 0;
        long upSince = nanoTime.getAsLong();
        try {
            while (!closing) {
                Process p = child.process();
                int code = p.waitFor();
                if (closing) {
                    return;
                }
                failures = Duration.ofNanos(nanoTime.getAsLong() - upSince).compareTo(backoff.stable()) >= 0 ? 0 : failures;
                Duration delay = backoff.delay(failures++);
                log.warn("Embedded {} (pid {}) died with {}; restarting it {} in {} s; its log is kept as {}",
                        child.name(), p.pid(), exit(code), child.where(), delay.toMillis() / 1000.0, Processes.rotated(child.log(), 1));
                failures = restartUntilBack(delay, failures);
                upSince = nanoTime.getAsLong();
            }
        } catch (InterruptedException e) {
            // closing: the owner stops the child
        }
    }

    /** Tries until the child is back or the watchdog closes; returns the failure count to carry on with. */
    private int restartUntilBack(Duration firstDelay, int failures) throws InterruptedException {
        Duration delay = firstDelay;
        while (true) {
            sleeper.sleep(delay);
            if (closing) {
                throw new InterruptedException("closing");
            }
            long started = nanoTime.getAsLong();
            try {
                child.restart();
                log.info("Embedded {} is back {} (pid {}) after {} s; log {}", child.name(), child.where(), child.process().pid(),
                        Math.round((nanoTime.getAsLong() - started) / 1e8) / 10.0, child.log());
                return failures;
            } catch (RuntimeException e) {
                if (closing || Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("closing");
                }
                delay = backoff.delay(failures++);
                log.warn("Embedded {} did not come back ({}); trying again in {} s", child.name(), e.getMessage(), delay.toMillis() / 1000.0);
            }
        }
    }

    private static String exit(int code) {
        return code > 128 ? "exit code " + code + " (signal " + (code - 128) + ")" : "exit code " + code;
    }

    /** Stops watching and waits until a restart in progress has given up; the owner then stops the child. */
    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean watching() {
        return thread.isAlive();
    }

    /**
     * Delays between restarts: {@code first}, doubling up to {@code cap}; back to {@code first} once the child
     * stayed up for {@code stable}.
     */
    record Backoff(Duration first, Duration cap, Duration stable) {
        static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60));

        Duration delay(int failures) {
            Duration d = first.multipliedBy(1L << Math.min(failures, 20));
            return d.compareTo(cap) > 0 ? cap : d;
        }
    }
}

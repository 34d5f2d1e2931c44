package vn.ocop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by the processes of a benchmark, read from {@code /proc/<pid>/stat} (user + system, every thread
 * of the process): the app, every process of the shop's PostgreSQL (the postmaster, its background workers and
 * one backend per connection: those working in its directory), the Elasticsearch node, and the bench itself. A
 * snapshot before and after a phase gives each one's CPU over the phase; a process that ended between the two
 * snapshots is missed (the phases here keep their connections open until the second one).
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc} times ({@code getconf CLK_TCK}: 100 on Linux x86-64). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long app;
    private final Path postgres;
    private final Path elasticsearch;

    ProcessCpu(ShopUnderTest shop) {
        this.app = shop.appPid();
        this.postgres = real(shop.postgresDirectory());
        this.elasticsearch = real(shop.elasticsearchDirectory());
    }

    /** Ticks per process at one moment, by part: app, postgres, elasticsearch, bench. */
    record Snapshot(Map<Long, Long> app, Map<Long, Long> postgres, Map<Long, Long> elasticsearch, Map<Long, Long> bench, long nanos) {
    }

    /** CPU seconds over a phase, by part. */
    record Used(double app, double postgres, double elasticsearch, double bench, double wallSeconds) {
        double total() {
            return app + postgres + elasticsearch + bench;
        }

        /** One line: each part's CPU milliseconds per request, and the share of two cores. */
        String perRequest(long requests) {
            return String.format("CPU per request: app %.2f ms, PostgreSQL %.2f ms, Elasticsearch %.2f ms, bench %.2f ms; all %.2f ms"
                            + " (%.1f CPU-s over %.1f s wall: %.0f%% of 2 cores)",
                    ms(app, requests), ms(postgres, requests), ms(elasticsearch, requests), ms(bench, requests), ms(total(), requests),
                    total(), wallSeconds, 100 * total() / (2 * wallSeconds));
        }

        private static double ms(double seconds, long requests) {
            return requests == 0 ? 0 : 1000 * seconds / requests;
        }
    }

    Snapshot snapshot() {
        Map<Long, Long> pg = new HashMap<>();
        Map<Long, Long> es = new HashMap<>();
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) proc::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                Path cwd = cwd(p);
                if (cwd == null) {
                    continue;
                }
                long pid = Long.parseLong(name);
                if (postgres != null && cwd.startsWith(postgres)) {
                    put(pg, pid);
                } else if (elasticsearch != null && cwd.startsWith(elasticsearch) && pid != app) {
                    put(es, pid);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        Map<Long, Long> a = new HashMap<>();
        put(a, app);
        Map<Long, Long> b = new HashMap<>();
        put(b, ProcessHandle.current().pid());
        return new Snapshot(a, pg, es, b, System.nanoTime());
    }

    static Used between(Snapshot before, Snapshot after) {
        return new Used(seconds(before.app(), after.app()), seconds(before.postgres(), after.postgres()),
                seconds(before.elasticsearch(), after.elasticsearch()), seconds(before.bench(), after.bench()),
                (after.nanos() - before.nanos()) / 1e9);
    }

    private static double seconds(Map<Long, Long> before, Map<Long, Long> after) {
        long ticks = 0;
        for (var e : after.entrySet()) {
            ticks += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static void put(Map<Long, Long> into, long pid) {
        Long ticks = ticks(pid);
        if (ticks != null) {
            into.put(pid, ticks);
        }
    }

    /** utime + stime (fields 14 and 15) of /proc/<pid>/stat; null when the process is gone. */
    private static Long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) is in parentheses and may hold spaces: count fields after its closing one
            List<String> f = List.of(stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+"));
            return Long.parseLong(f.get(11)) + Long.parseLong(f.get(12));
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    private static Path cwd(Path procEntry) {
        try {
            return Files.readSymbolicLink(procEntry.resolve("cwd"));
        } catch (IOException | SecurityException e) {
            return null; // gone, a zombie, or another user's
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }
}

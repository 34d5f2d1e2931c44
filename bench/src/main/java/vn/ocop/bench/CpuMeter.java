package vn.ocop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU seconds spent by the app, PostgreSQL, Elasticsearch and the bench itself, from {@code /proc/<pid>/stat} (user +
 * system) of this process and its descendants: two snapshots around a phase tell where the machine's time went.
 * Processes that end between the snapshots are not counted (the pool's connections and the app live throughout).
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;

    private final long appPid;

    CpuMeter(long appPid) {
        this.appPid = appPid;
    }

    /** CPU seconds so far by process group: app, postgres, elasticsearch, bench. */
    Map<String, Double> snapshot() {
        Map<String, Double> seconds = new HashMap<>();
        seconds.merge("bench", ticks(ProcessHandle.current().pid()), Double::sum);
        ProcessHandle.current().descendants().forEach(p -> seconds.merge(group(p), ticks(p.pid()), Double::sum));
        return seconds;
    }

    static Map<String, Double> since(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> spent = new HashMap<>();
        after.forEach((group, s) -> spent.put(group, s - before.getOrDefault(group, 0.0)));
        return spent;
    }

    private String group(ProcessHandle p) {
        if (p.pid() == appPid) {
            return "app";
        }
        String command = p.info().commandLine().or(() -> p.info().command()).orElse("");
        return command.contains("postgres") ? "postgres" : command.contains("elasticsearch") ? "elasticsearch" : "other";
    }

    private static double ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat (utime, stime), counted from after the command's closing parenthesis
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}

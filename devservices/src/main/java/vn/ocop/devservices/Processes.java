package vn.ocop.devservices;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Small process and file helpers shared by the launchers. */
public final class Processes {

    private Processes() {
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new DevServiceException("no free local port: " + e.getMessage(), e);
        }
    }

    static boolean listening(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A process left behind by an earlier run that was killed hard (its pid file names a live process whose
     * command line mentions {@code marker}): it holds the data directory's lock, so it is stopped first.
     */
    static void stopLeftover(Path pidFile, String marker, String signal) {
        leftover(pidFile, marker).ifPresent(p -> {
            try {
                Unprivileged.signal(p.pid(), signal);
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
    }

    private static Optional<ProcessHandle> leftover(Path pidFile, String marker) {
        try {
            if (!Files.isReadable(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return ProcessHandle.of(Long.parseLong(first))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().orElse("").contains(marker));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Keeps earlier logs: {@code x.log} becomes {@code x.log.1}, {@code x.log.1} becomes {@code x.log.2} … the oldest beyond {@code keep} goes. */
    static void rotate(Path log, int keep) throws IOException {
        if (!Files.exists(log)) {
            return;
        }
        Files.deleteIfExists(rotated(log, keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(rotated(log, i))) {
                Files.move(rotated(log, i), rotated(log, i + 1));
            }
        }
        Files.move(log, rotated(log, 1));
    }

    static Path rotated(Path log, int generation) {
        return log.resolveSibling(log.getFileName() + "." + generation);
    }

    /**
     * Kills what a dead child left running: every process (but this JVM) whose working directory lies under
     * {@code dir}. A postmaster's backends run in the data directory (in sessions of their own, so its process
     * group does not name them) and an Elasticsearch server in its logs directory; after a kill -9 of their
     * parent they can linger and hold the shared memory or the node lock that a new start needs.
     */
    static void killStragglers(Path dir, Duration wait) {
        List<ProcessHandle> left = workingIn(dir);
        left.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + wait.toNanos();
        while (left.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            sleep(50);
        }
        if (left.stream().anyMatch(ProcessHandle::isAlive)) {
            throw new DevServiceException("processes of a dead service in " + dir + " did not stop: "
                    + left.stream().filter(ProcessHandle::isAlive).map(h -> Long.toString(h.pid())).toList());
        }
    }

    static List<ProcessHandle> workingIn(Path dir) {
        Path root;
        try {
            root = dir.toRealPath();
        } catch (IOException e) {
            return List.of();
        }
        long self = ProcessHandle.current().pid();
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            return proc.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> Long.parseLong(p.getFileName().toString()) != self)
                    .filter(p -> cwd(p).map(c -> c.startsWith(root)).orElse(false))
                    .flatMap(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())).stream())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<Path> cwd(Path procEntry) {
        try {
            return Optional.of(Files.readSymbolicLink(procEntry.resolve("cwd")));
        } catch (IOException | SecurityException e) {
            return Optional.empty(); // gone, a zombie, or another user's
        }
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory left behind is harmless
        }
    }

    static String tail(Path log, int lines) {
        try {
            var all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServiceException("interrupted while waiting for a dev service", e);
        }
    }
}

package vn.ocop.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL and Elasticsearch refuse to run as root. When this JVM is root their processes run through
 * {@code setpriv} as an unprivileged user ({@code nobody} unless {@code OCOP_RUN_AS} names another).
 * setpriv exec()s its target, so the child PID is the server itself and signals reach it directly.
 * Every child also gets its own session ({@code setsid}): a Ctrl-C in the terminal reaches only the
 * application, which then stops its children in order.
 */
public final class Unprivileged {

    private static final String USER = firstNonBlank(System.getenv("OCOP_RUN_AS"), "nobody");

    private Unprivileged() {
    }

    public static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (Exception e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    public static String user() {
        return isRoot() ? USER : System.getProperty("user.name");
    }

    /** Prefix for a child's command line: its own session, and setpriv when root. */
    static List<String> prefix() {
        List<String> p = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            p.add("/usr/bin/setsid");
        }
        if (isRoot()) {
            p.addAll(List.of("setpriv", "--reuid=" + USER, "--regid=" + group(), "--clear-groups", "--"));
        }
        return p;
    }

    /** Gives the unprivileged user the given trees (no-op when not root). */
    static void chown(Path... paths) throws IOException {
        if (!isRoot()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("chown", "-R", USER + ":" + group()));
        for (Path p : paths) {
            cmd.add(p.toString());
        }
        run(cmd);
    }

    /** True when every ancestor of {@code p} is traversable by others, so the unprivileged user can reach it. */
    static boolean reachableByOthers(Path p) throws IOException {
        for (Path d = p.toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d)
                    && PosixFilePermissions.toString(Files.getPosixFilePermissions(d)).charAt(8) != 'x') {
                return false;
            }
        }
        return true;
    }

    static void signal(long pid, String signal) throws IOException {
        run(List.of("kill", "-" + signal, Long.toString(pid)));
    }

    private static String group() {
        try {
            return run(List.of("id", "-gn", USER)).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot resolve the group of user " + USER, e);
        }
    }

    private static String run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + cmd, e);
        }
        return out;
    }

    private static String firstNonBlank(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }
}

package vn.ocop.devservices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where PostgreSQL and Elasticsearch keep their data for a data directory: inside it ({@code postgres/},
 * {@code elasticsearch/}), unless this JVM is root and the user that runs them cannot reach it (some parent
 * lacks o+x, as /root has). Then their data lives in {@code /var/lib/ocop-marketplace/<hash of the data
 * directory's path>}, so a later start from the same folder finds it again. That directory stays root's
 * (0755): the launchers give the unprivileged user only the trees it writes, so it cannot swap them.
 *
 * @param directory where the services' data lives
 * @param dataDirectory the data directory asked for
 */
public record ServicesHome(Path directory, Path dataDirectory) {

    static final Path FALLBACK = Path.of("/var/lib/ocop-marketplace");

    /** A predicate over a path that may fail to read permissions. */
    interface Reachable {
        boolean test(Path p) throws IOException;
    }

    /** The choice for this JVM, with its directories created. */
    public static ServicesHome of(Path dataDirectory) {
        return choose(dataDirectory, Unprivileged.isRoot(), Unprivileged::reachableByOthers, FALLBACK).prepared();
    }

    static ServicesHome choose(Path dataDirectory, boolean root, Reachable reachable, Path fallback) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        try {
            if (!root || reachable.test(data)) {
                return new ServicesHome(data, data);
            }
            if (!reachable.test(fallback)) {
                throw unreachable(data, fallback);
            }
        } catch (IOException e) {
            throw new DevServiceException("cannot read the permissions of " + data + ": " + e.getMessage(), e);
        }
        return new ServicesHome(fallback.resolve(hash(data)), data);
    }

    /** True when the services' data is not under the data directory. */
    public boolean moved() {
        return !directory.equals(dataDirectory);
    }

    ServicesHome prepared() {
        try {
            Files.createDirectories(dataDirectory);
            if (moved()) {
                for (Path d : new Path[] {directory.getParent(), directory}) {
                    Files.createDirectories(d);
                    Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                // for a person who finds this folder: whose data it is
                Files.writeString(directory.resolve("data-directory.txt"), dataDirectory + "\n");
            }
            return this;
        } catch (IOException e) {
            throw new DevServiceException("cannot create " + directory + ": " + e.getMessage()
                    + "; set OCOP_DATA_DIR to a directory user '" + Unprivileged.user() + "' can reach", e);
        }
    }

    static String hash(Path data) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(data.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static DevServiceException unreachable(Path data, Path fallback) {
        return new DevServiceException("data directory " + data + " is not reachable by user '" + Unprivileged.user()
                + "', which runs PostgreSQL and Elasticsearch when started as root, nor is " + fallback
                + ": set OCOP_DATA_DIR to a directory it can reach");
    }
}

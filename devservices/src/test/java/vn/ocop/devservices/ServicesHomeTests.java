package vn.ocop.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory the unprivileged user cannot reach (a clone under /root) still works when started as root. */
class ServicesHomeTests {

    @TempDir
    Path scratch;

    Path homeFolder;
    Path varLib;

    @BeforeEach
    void tree() throws Exception {
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
        homeFolder = Files.createDirectories(scratch.resolve("root"));
        Files.setPosixFilePermissions(homeFolder, PosixFilePermissions.fromString("rwx------")); // like /root
        varLib = scratch.resolve("var/lib/ocop-marketplace");
    }

    @Test
    void asRootADataDirectoryBehindA0700FolderKeepsTheServicesDataInTheFallbackUnderAHashOfItsPath() {
        Path data = homeFolder.resolve("ocop-try/data");

        ServicesHome home = ServicesHome.choose(data, true, Unprivileged::reachableByOthers, varLib);

        assertThat(home.moved()).isTrue();
        assertThat(home.directory().getParent()).isEqualTo(varLib);
        assertThat(home.directory().getFileName().toString()).hasSize(12).matches("[0-9a-f]+");
        assertThat(home.dataDirectory()).isEqualTo(data);
        assertThat(ServicesHome.choose(data, true, Unprivileged::reachableByOthers, varLib)).as("the same at the next start").isEqualTo(home);
        assertThat(ServicesHome.choose(homeFolder.resolve("other/data"), true, Unprivileged::reachableByOthers, varLib).directory())
                .as("another folder's data apart").isNotEqualTo(home.directory());
    }

    @Test
    void asRootAReachableDataDirectoryIsUsedAsItIs() throws Exception {
        Path data = Files.createDirectories(scratch.resolve("srv/ocop/data"));

        ServicesHome home = ServicesHome.choose(data, true, Unprivileged::reachableByOthers, varLib);

        assertThat(home.moved()).isFalse();
        assertThat(home.directory()).isEqualTo(data);
    }

    @Test
    void notRootTheDataDirectoryIsUsedWhereverItIs() {
        Path data = homeFolder.resolve("ocop-try/data");

        assertThat(ServicesHome.choose(data, false, p -> false, varLib).directory()).isEqualTo(data);
    }

    @Test
    void whenNeitherTheDataDirectoryNorTheFallbackCanBeReachedTheMessageSaysWhatToSet() {
        assertThatThrownBy(() -> ServicesHome.choose(homeFolder.resolve("data"), true, p -> false, varLib))
                .isInstanceOf(DevServiceException.class)
                .hasMessageContaining(homeFolder.resolve("data").toString())
                .hasMessageContaining("OCOP_DATA_DIR");
    }

    @Test
    void theChosenDirectoryIsMadeReachableAndSaysWhoseDataItHolds() throws Exception {
        Path data = homeFolder.resolve("ocop-try/data");

        ServicesHome home = ServicesHome.choose(data, true, Unprivileged::reachableByOthers, varLib).prepared();

        assertThat(Unprivileged.reachableByOthers(home.directory())).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.directory()))).isEqualTo("rwxr-xr-x");
        assertThat(Files.readString(home.directory().resolve("data-directory.txt"))).isEqualTo(data + "\n");
        assertThat(data).isDirectory();
    }

    /** This JVM's own decision, end to end: as root (CI) PostgreSQL runs as 'nobody' in the fallback; otherwise in place. */
    @Test
    void postgresStartsForADataDirectoryBehindA0700Folder() throws Exception {
        Path data = homeFolder.resolve("ocop-try/data");
        ServicesHome home = ServicesHome.choose(data, Unprivileged.isRoot(), Unprivileged::reachableByOthers, varLib).prepared();
        assertThat(home.moved()).isEqualTo(Unprivileged.isRoot());

        try (EmbeddedPostgres pg = EmbeddedPostgres.start(home.directory().resolve("postgres"));
             var c = DriverManager.getConnection(pg.jdbcUrl("postgres"), EmbeddedPostgres.SUPERUSER, "");
             var rs = c.createStatement().executeQuery("select current_setting('data_directory')")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith(home.directory().toString());
        }
    }
}

package vn.ocop.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevServicesTests {

    @TempDir
    Path scratch;

    @Test
    void restartFindsTheDataWrittenBeforeKeepsTheEarlierLogsAndLeavesNoProcessBehind() throws Exception {
        Path data = Files.createDirectories(scratch.resolve("data"));
        Files.setPosixFilePermissions(scratch, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        long children;
        try (DevServices first = DevServices.start(data)) {
            try (var c = DriverManager.getConnection(first.jdbcUrl(), first.username(), "")) {
                c.createStatement().execute("create table kept (v text); insert into kept values ('Bí xanh thơm Ba Bể')");
            }
            Http.put(first.elasticsearchUrl() + "/kept/_doc/1?refresh=true", "{\"name\":\"Mật ong bạc hà\"}");
            children = ProcessHandle.current().descendants().count();
            assertThat(children).isGreaterThanOrEqualTo(2);
        }
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();

        try (DevServices second = DevServices.start(data)) {
            try (var c = DriverManager.getConnection(second.jdbcUrl(), second.username(), "");
                 var rs = c.createStatement().executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Bí xanh thơm Ba Bể");
            }
            assertThat(Http.get(second.elasticsearchUrl() + "/kept/_doc/1")).contains("Mật ong bạc hà");
            assertThat(Files.readString(data.resolve("postgres/postgres.log.1"))).contains("database system is shut down");
            assertThat(Files.readString(data.resolve("elasticsearch/console.log.1"))).contains("stopped");
        }
    }
}

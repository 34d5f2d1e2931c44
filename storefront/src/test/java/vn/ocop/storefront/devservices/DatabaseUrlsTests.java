package vn.ocop.storefront.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlsTests {

    @Test
    void oneUrlServesBothDrivers() {
        var p = DatabaseUrls.properties("jdbc:postgresql://db:5432/ocop", "ocop", "secret");
        assertThat(p).containsEntry("spring.r2dbc.url", "r2dbc:postgresql://db:5432/ocop")
                .containsEntry("spring.flyway.url", "jdbc:postgresql://db:5432/ocop")
                .containsEntry("spring.r2dbc.username", "ocop")
                .containsEntry("spring.flyway.password", "secret");
        assertThat(DatabaseUrls.properties("postgresql://db/ocop", "u", "")).containsEntry("spring.r2dbc.url", "r2dbc:postgresql://db/ocop");
    }

    @Test
    void aUrlOfAnotherDatabaseIsRefusedClearly() {
        assertThatThrownBy(() -> DatabaseUrls.properties("jdbc:mysql://db/ocop", "u", ""))
                .hasMessageStartingWith("OCOP_DB_URL must look like jdbc:postgresql://");
    }
}

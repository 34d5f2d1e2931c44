package vn.ocop.storefront.devservices;

import java.util.Map;

/** One database URL for both drivers: R2DBC for the app, JDBC for Flyway's migrations. */
final class DatabaseUrls {

    private DatabaseUrls() {
    }

    /** Accepts {@code jdbc:postgresql://…}, {@code r2dbc:postgresql://…} or {@code postgresql://…}. */
    static Map<String, Object> properties(String url, String user, String password) {
        String rest = url.replaceFirst("^(jdbc:|r2dbc:)", "");
        if (!rest.startsWith("postgresql://")) {
            throw new IllegalArgumentException("OCOP_DB_URL must look like jdbc:postgresql://host:5432/database, was: " + url);
        }
        return Map.of(
                "spring.r2dbc.url", "r2dbc:" + rest,
                "spring.r2dbc.username", user,
                "spring.r2dbc.password", password,
                "spring.flyway.url", "jdbc:" + rest,
                "spring.flyway.user", user,
                "spring.flyway.password", password);
    }
}

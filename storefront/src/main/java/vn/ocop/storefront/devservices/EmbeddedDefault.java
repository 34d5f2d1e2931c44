package vn.ocop.storefront.devservices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import vn.ocop.devservices.DevServices;
import vn.ocop.devservices.EmbeddedPostgres;
import vn.ocop.devservices.ElasticsearchNode;
import vn.ocop.devservices.ServicesHome;
import vn.ocop.devservices.Unprivileged;

/**
 * Decides, before the context starts, where the database and Elasticsearch are. {@code OCOP_DB_URL} and
 * {@code OCOP_ELASTICSEARCH_URL} name real servers; whichever is missing is started here as a child
 * process, its data under {@code OCOP_DATA_DIR} (or where the unprivileged user can reach it, see
 * {@link ServicesHome}). Children are stopped after the context closes (on
 * SIGTERM or Ctrl-C too). Demo data is on by default only when the database is embedded.
 */
class EmbeddedDefault implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    EmbeddedDefault(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedDefault.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.properties and the environment are read
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getProperty("ocop.devservices.enabled", Boolean.class, true)) {
            return;
        }
        String dbUrl = env.getProperty("ocop.db.url", "");
        String esUrl = env.getProperty("ocop.elasticsearch.url", "");
        Map<String, Object> props = new HashMap<>();
        if (!dbUrl.isBlank()) {
            props.putAll(DatabaseUrls.properties(dbUrl, env.getProperty("ocop.db.user", ""), env.getProperty("ocop.db.password", "")));
        }
        if (dbUrl.isBlank() || esUrl.isBlank()) {
            Path dataDir = DataDirectory.resolve(env.getProperty("ocop.data-dir", ""), log);
            props.putAll(startMissing(dataDir, dbUrl.isBlank(), esUrl.isBlank(), application));
            if (!env.containsProperty("ocop.demo")) {
                props.put("ocop.demo", dbUrl.isBlank()); // demo data only over the embedded database unless asked
            }
            if (!env.containsProperty("ocop.images-dir")) {
                props.put("ocop.images-dir", dataDir.resolve("images").toString());
            }
        }
        env.getPropertySources().addFirst(new MapPropertySource("ocopServices", props));
    }

    private Map<String, Object> startMissing(Path dataDir, boolean db, boolean es, SpringApplication application) {
        ServicesHome home = ServicesHome.of(dataDir);
        Path services = home.directory();
        log.info("Embedded default: starting " + (db ? "PostgreSQL" : "") + (db && es ? " and " : "")
                + (es ? "Elasticsearch" : "") + " with data in " + services + (home.moved()
                        ? " (user '" + Unprivileged.user() + "', who runs them as root, cannot reach " + dataDir
                                + "; every start from there finds them here; images stay in " + dataDir.resolve("images") + ")"
                        : ""));
        Map<String, Object> props = new HashMap<>();
        AutoCloseable started;
        if (db && es) {
            DevServices both = DevServices.start(services);
            props.putAll(DatabaseUrls.properties(both.jdbcUrl(), both.username(), ""));
            props.put("ocop.elasticsearch.url", both.elasticsearchUrl());
            started = both;
        } else if (db) {
            EmbeddedPostgres pg = EmbeddedPostgres.start(services.resolve("postgres"));
            pg.createDatabaseIfMissing(DevServices.DATABASE);
            props.putAll(DatabaseUrls.properties(pg.jdbcUrl(DevServices.DATABASE), EmbeddedPostgres.SUPERUSER, ""));
            started = pg;
        } else {
            ElasticsearchNode node = ElasticsearchNode.start(services.resolve("elasticsearch"));
            props.put("ocop.elasticsearch.url", node.url());
            started = node;
        }
        stopWithTheApplication(started, application);
        props.put("ocop.embedded", true);
        return props;
    }

    /**
     * The children stop when the context closes: as the first bean registered they are destroyed last, after
     * the connection pool; this also covers a context that fails to start. The JVM shutdown handler is the
     * fallback when the context never came to exist (closing twice is harmless).
     */
    private static void stopWithTheApplication(AutoCloseable services, SpringApplication application) {
        application.addInitializers(context -> ((GenericApplicationContext) context)
                .registerBean("ocopDevServices", AutoCloseable.class, () -> services));
        SpringApplication.getShutdownHandlers().add(() -> {
            try {
                services.close();
            } catch (Exception e) {
                // the JVM is exiting; nothing more can be done
            }
        });
    }

    /** Where the embedded services keep their data: OCOP_DATA_DIR, else ./data. */
    static final class DataDirectory {
        private DataDirectory() {
        }

        static Path resolve(String configured, Log log) {
            Path dir = Path.of(configured.isBlank() ? "data" : configured).toAbsolutePath().normalize();
            if (!Files.exists(dir)) {
                log.info("Creating data directory " + dir);
            }
            return dir;
        }
    }
}

package vn.ocop.catalog.testing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import vn.ocop.devservices.TestServices;

/** Gives each {@link OwnDatabase} test class a database of its own (one cached context per class). */
public class OwnDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY).isPresent(OwnDatabase.class)
                ? new OwnDatabaseCustomizer(testClass.getName())
                : null;
    }

    private record OwnDatabaseCustomizer(String testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestServices.Postgres pg = TestServices.postgres();
            String db = TestServices.createDatabase(testClass.substring(testClass.lastIndexOf('.') + 1));
            var sources = context.getEnvironment().getPropertySources();
            sources.addFirst(new MapPropertySource("ownDatabase", Map.of(
                    "spring.r2dbc.url", pg.r2dbcUrl(db),
                    "spring.r2dbc.username", pg.user(),
                    "spring.r2dbc.password", "",
                    "spring.flyway.url", pg.jdbcUrl(db),
                    "spring.flyway.user", pg.user(),
                    "spring.flyway.password", "",
                    "ocop.test.database", db,
                    // the Elasticsearch node is shared by the whole test JVM: each test class gets an index of its own,
                    // or the demo products' fixed ids would let one class's newer versions hide another's updates
                    "ocop.elasticsearch.index", "products-" + db.toLowerCase(java.util.Locale.ROOT))));
            sources.addFirst(new LazyElasticsearchUrl());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OwnDatabaseCustomizer other && Objects.equals(testClass, other.testClass);
        }

        @Override
        public int hashCode() {
            return testClass.hashCode();
        }
    }

    /** Starts the test JVM's Elasticsearch node only when something reads its URL. */
    private static final class LazyElasticsearchUrl extends PropertySource<Object> {
        LazyElasticsearchUrl() {
            super("lazyElasticsearchUrl", new Object());
        }

        @Override
        public Object getProperty(String name) {
            return "ocop.elasticsearch.url".equals(name) ? TestServices.elasticsearchUrl() : null;
        }
    }
}

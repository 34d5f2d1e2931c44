package vn.ocop.catalog.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Spring test class gets a PostgreSQL database of its own (on the server at 127.0.0.1:5432, else an
 * embedded one), migrated by Flyway, and {@code ocop.elasticsearch.url} points at the test JVM's
 * Elasticsearch node, which starts the first time that property is read; its search alias
 * ({@code ocop.elasticsearch.index}) is the class's own too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OwnDatabase {
}

package vn.ocop.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where the Elasticsearch node comes from: the distribution the build unpacked (or {@code OCOP_ES_HOME}),
 * and a JDK 21+ to run it on ({@code OCOP_ES_JAVA_HOME}, else the newest one under /usr/lib/jvm),
 * since Elasticsearch 9 refuses the Java 17 the application runs on.
 */
public record ElasticsearchDistribution(Path home, Path javaHome) {

    static final int MINIMUM_JAVA = 21;

    public static ElasticsearchDistribution locate() {
        return new ElasticsearchDistribution(locateHome(), locateJavaHome());
    }

    private static Path locateHome() {
        Path home = Optional.ofNullable(setting("OCOP_ES_HOME", "ocop.es.home")).map(Path::of).orElseGet(ElasticsearchDistribution::builtHome);
        if (!Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            throw new DevServiceException("Elasticsearch distribution not found at " + home
                    + ": run ./mvnw package (it unpacks the distribution) or set OCOP_ES_HOME");
        }
        return home;
    }

    private static Path builtHome() {
        try (InputStream in = ElasticsearchDistribution.class.getResourceAsStream("elasticsearch-distribution.properties")) {
            Properties p = new Properties();
            p.load(in);
            return Path.of(p.getProperty("home"));
        } catch (IOException | NullPointerException e) {
            throw new DevServiceException("elasticsearch-distribution.properties missing from the build; set OCOP_ES_HOME", e);
        }
    }

    private static Path locateJavaHome() {
        String configured = setting("OCOP_ES_JAVA_HOME", "ocop.es.java-home");
        if (configured != null) {
            Path p = Path.of(configured);
            if (majorVersion(p) < MINIMUM_JAVA) {
                throw new DevServiceException("OCOP_ES_JAVA_HOME=" + configured + " is not a JDK " + MINIMUM_JAVA + "+ (Elasticsearch 9 needs one)");
            }
            return p;
        }
        Path current = Path.of(System.getProperty("java.home"));
        if (majorVersion(current) >= MINIMUM_JAVA) {
            return current;
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(p -> majorVersion(p) >= MINIMUM_JAVA)
                    .max(Comparator.comparingInt(ElasticsearchDistribution::majorVersion))
                    .orElseThrow(ElasticsearchDistribution::noJdk);
        } catch (IOException e) {
            throw noJdk();
        }
    }

    private static DevServiceException noJdk() {
        return new DevServiceException("Elasticsearch 9 needs a JDK " + MINIMUM_JAVA
                + "+ and none was found under /usr/lib/jvm: install one (e.g. Temurin 25) or set OCOP_ES_JAVA_HOME");
    }

    /** The major version in a JDK's {@code release} file (JAVA_VERSION="25.0.3"), or 0. */
    static int majorVersion(Path javaHome) {
        try {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(javaHome.resolve("release"))) {
                p.load(in);
            }
            String v = p.getProperty("JAVA_VERSION", "0").replace("\"", "");
            return Integer.parseInt(v.split("[.+-]")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String setting(String env, String property) {
        String v = System.getProperty(property, System.getenv(env));
        return v == null || v.isBlank() ? null : v;
    }
}

package vn.ocop.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the Elasticsearch node comes from: the distribution the build unpacked, found relative to this code so
 * that a moved or copied tree works (or {@code OCOP_ES_HOME}),
 * and a JDK 21+ to run it on ({@code OCOP_ES_JAVA_HOME}, else the newest one under /usr/lib/jvm),
 * since Elasticsearch 9 refuses the Java 17 the application runs on.
 */
public record ElasticsearchDistribution(Path home, Path javaHome) {

    static final int MINIMUM_JAVA = 21;

    public static ElasticsearchDistribution locate() {
        return new ElasticsearchDistribution(locateHome(), locateJavaHome());
    }

    private static Path locateHome() {
        String configured = setting("OCOP_ES_HOME", "ocop.es.home");
        if (configured != null) {
            if (!Files.isExecutable(Path.of(configured, "bin/elasticsearch"))) {
                throw new DevServiceException("OCOP_ES_HOME=" + configured + " has no bin/elasticsearch: name an unpacked Elasticsearch "
                        + builtVersion() + " distribution");
            }
            return Path.of(configured);
        }
        return find(builtVersion(), codeDirectory(String.valueOf(ElasticsearchDistribution.class.getProtectionDomain().getCodeSource().getLocation())),
                Path.of("").toAbsolutePath());
    }

    /**
     * The distribution the build unpacked, found from where this code runs (its classes directory, its jar, or the
     * Boot jar it is nested in) and from the working directory, walking up: {@code elasticsearch-<version>} beside
     * it, or {@code devservices/target/elasticsearch/elasticsearch-<version>} of the project it is in.
     */
    static Path find(String version, Optional<Path> codeDirectory, Path workingDirectory) {
        String dist = "elasticsearch-" + version;
        List<Path> starts = Stream.concat(codeDirectory.stream(), Stream.of(workingDirectory)).distinct().toList();
        for (Path start : starts) {
            for (Path d = start; d != null; d = d.getParent()) {
                for (Path candidate : List.of(d.resolve(dist), d.resolve("devservices/target/elasticsearch").resolve(dist))) {
                    if (Files.isExecutable(candidate.resolve("bin/elasticsearch"))) {
                        return candidate;
                    }
                }
            }
        }
        throw new DevServiceException("Elasticsearch distribution " + dist + " not found: looked for " + dist + "/ and devservices/target/elasticsearch/"
                + dist + "/ in " + starts.stream().map(Path::toString).collect(Collectors.joining(" and in ")) + " and their parent folders; "
                + "run ./mvnw package in the project (it unpacks the distribution), put an unpacked " + dist + " beside the jar, or set OCOP_ES_HOME");
    }

    /**
     * The folder that holds this code: a classes directory ({@code file:/p/devservices/target/classes/}), a jar's
     * folder ({@code jar:file:/p/devservices.jar!/}), or the folder of the Boot jar it is nested in
     * ({@code jar:nested:/p/storefront/target/storefront.jar/!BOOT-INF/lib/devservices.jar!/}).
     */
    static Optional<Path> codeDirectory(String location) {
        String s = location.replaceFirst("^jar:", "").replaceFirst("^nested:", "file:");
        int bang = s.indexOf('!');
        if (bang >= 0) {
            s = s.substring(0, bang);
        }
        try {
            Path p = Path.of(URI.create(s));
            return Optional.of(Files.isDirectory(p) ? p : p.getParent());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    private static String builtVersion() {
        try (InputStream in = ElasticsearchDistribution.class.getResourceAsStream("elasticsearch-distribution.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
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

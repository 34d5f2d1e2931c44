package vn.ocop.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution is found relative to the code, so a tree moved or copied after the build still starts. */
class ElasticsearchDistributionTests {

    static final String VERSION = "9.5.3";

    @TempDir
    Path scratch;

    @Test
    void aBootJarInAMovedProjectFindsTheDistributionItsBuildUnpacked() throws Exception {
        Path moved = scratch.resolve("elsewhere/ocop-marketplace");
        Path dist = fakeDistribution(moved.resolve("devservices/target/elasticsearch"));
        String nested = ("jar:nested:" + moved.resolve("storefront/target/storefront.jar") + "/!BOOT-INF/lib/devservices-0.1.0-SNAPSHOT.jar!/");

        assertThat(ElasticsearchDistribution.codeDirectory(nested)).contains(moved.resolve("storefront/target"));
        assertThat(ElasticsearchDistribution.find(VERSION, ElasticsearchDistribution.codeDirectory(nested), scratch)).isEqualTo(dist);
    }

    @Test
    void classesOfAMovedProjectFindTheDistribution() throws Exception {
        Path moved = scratch.resolve("copy");
        Path dist = fakeDistribution(moved.resolve("devservices/target/elasticsearch"));
        Path classes = Files.createDirectories(moved.resolve("devservices/target/classes"));

        Optional<Path> code = ElasticsearchDistribution.codeDirectory(classes.toUri().toString());

        assertThat(code).contains(classes);
        assertThat(ElasticsearchDistribution.find(VERSION, code, scratch)).isEqualTo(dist);
    }

    @Test
    void aJarWithTheDistributionBesideItFindsIt() throws Exception {
        Path app = Files.createDirectories(scratch.resolve("opt/ocop"));
        Files.createFile(app.resolve("storefront.jar"));
        Path dist = fakeDistribution(app);
        String nested = ("jar:nested:" + app.resolve("storefront.jar") + "/!BOOT-INF/lib/devservices-0.1.0-SNAPSHOT.jar!/");

        assertThat(ElasticsearchDistribution.find(VERSION, ElasticsearchDistribution.codeDirectory(nested), scratch.resolve("somewhere"))).isEqualTo(dist);
    }

    @Test
    void theWorkingDirectoryOfTheProjectFindsItWhenTheCodeComesFromElsewhere() throws Exception {
        Path project = scratch.resolve("project");
        Path dist = fakeDistribution(project.resolve("devservices/target/elasticsearch"));
        String repository = ("jar:file:" + scratch.resolve("m2/vn/ocop/devservices/devservices.jar") + "!/");

        assertThat(ElasticsearchDistribution.find(VERSION, ElasticsearchDistribution.codeDirectory(repository), project.resolve("storefront"))).isEqualTo(dist);
    }

    @Test
    void whenNothingIsFoundTheMessageSaysWhereItLookedAndWhatToDo() throws Exception {
        String nested = ("jar:nested:" + scratch.resolve("a/storefront.jar") + "/!BOOT-INF/lib/devservices.jar!/");

        assertThatThrownBy(() -> ElasticsearchDistribution.find(VERSION, ElasticsearchDistribution.codeDirectory(nested), scratch.resolve("b")))
                .isInstanceOf(DevServiceException.class)
                .hasMessageContaining("elasticsearch-9.5.3 not found")
                .hasMessageContaining(scratch.resolve("a").toString())
                .hasMessageContaining(scratch.resolve("b").toString())
                .hasMessageContaining("OCOP_ES_HOME");
    }

    @Test
    void thisBuildFindsTheDistributionItUnpacked() {
        assertThat(ElasticsearchDistribution.locate().home())
                .endsWith(Path.of("devservices/target/elasticsearch/elasticsearch-" + VERSION))
                .satisfies(h -> assertThat(h.resolve("bin/elasticsearch")).isExecutable());
    }

    private static Path fakeDistribution(Path parent) throws Exception {
        Path dist = parent.resolve("elasticsearch-" + VERSION);
        Path launcher = Files.createDirectories(dist.resolve("bin")).resolve("elasticsearch");
        Files.writeString(launcher, "#!/bin/sh\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dist;
    }
}

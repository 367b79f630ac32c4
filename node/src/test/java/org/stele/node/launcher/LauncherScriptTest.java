package org.stele.node.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./stele} launcher script in a copy of the checkout whose sources are newer than its jar, with a
 * {@code mvn} on the PATH that only records that it was asked to build: the launcher rebuilds such a checkout, but not
 * under {@code STELE_NO_BUILD=1}, and says in one line what to do when that leaves it without a jar.
 */
class LauncherScriptTest {
    private static final Path SCRIPT = Path.of("..", "stele");

    @TempDir
    Path dir;
    private Path checkout;
    private Path jar;
    private Path built;
    private Path bin;

    @BeforeEach
    void checkoutWithSourcesNewerThanTheJar() throws IOException {
        checkout = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(SCRIPT, checkout.resolve("stele"));
        jar = Files.createDirectories(checkout.resolve("node/target")).resolve("stele.jar");
        Files.write(jar, new byte[0]);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(3600)));
        Path source = Files.createDirectories(checkout.resolve("node/src/main/java")).resolve("Changed.java");
        Files.writeString(source, "class Changed {}\n");
        built = dir.resolve("mvn-was-run");
        bin = Files.createDirectories(dir.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\ntouch '" + built + "'\nexit 1\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int status, String err) {}

    private Run stele(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", checkout.resolve("stele").toString(), "version")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("STELE_NO_BUILD");
        pb.environment().putAll(env);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), err);
    }

    @Test
    void sourcesNewerThanTheJarAreRebuiltByDefault() throws Exception {
        Run run = stele(Map.of());

        assertThat(built).exists();
        assertThat(run.err()).contains("building the distribution", "build failed");
    }

    @Test
    void steleNoBuildRunsTheJarAsItIsWithoutAskingMaven() throws Exception {
        Run run = stele(Map.of("STELE_NO_BUILD", "1"));

        assertThat(built).doesNotExist();
        assertThat(run.err()).doesNotContain("building");
    }

    @Test
    void steleNoBuildWithoutAJarSaysInOneLineWhatToDo() throws Exception {
        Files.delete(jar);

        Run run = stele(Map.of("STELE_NO_BUILD", "1"));

        assertThat(built).doesNotExist();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).hasLineCount(1).contains("STELE_NO_BUILD is set but", "stele.jar is missing",
                "unset STELE_NO_BUILD");
    }
}

package org.stele.node.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeCommandLineTest {

    @Test
    void extraJvmOptionsFollowTheHeapAndComeBeforeTheMainClass() {
        NodeCommandLine line = new NodeCommandLine(Path.of("/jdk/bin/java"), "a.jar:b.jar", "2g", Optional.empty(),
                List.of("-XX:StartFlightRecording=filename=node.jfr", "-Xlog:gc"));

        assertThat(line.arguments()).containsExactly("/jdk/bin/java", "-Xmx2g",
                "-XX:StartFlightRecording=filename=node.jfr", "-Xlog:gc", "--enable-native-access=ALL-UNNAMED", "-cp",
                "a.jar:b.jar", "org.stele.node.cli.SteleCommand", "node", "--config", "node.toml");
    }

    @Test
    void theRestartLineThroughTheLauncherCarriesTheSameOptions() {
        NodeCommandLine line = new NodeCommandLine(Path.of("/jdk/bin/java"), "cp", "1g",
                Optional.of(Path.of("/src/stele")), List.of("-Xlog:gc"));

        assertThat(line.restartLine(Path.of("/net/node-2")))
                .isEqualTo("cd /net/node-2 && STELE_JAVA_OPTS='-Xmx1g -Xlog:gc' /src/stele node --config node.toml");
        assertThat(new NodeCommandLine(Path.of("/jdk/bin/java"), "cp", "1g", Optional.of(Path.of("/src/stele")),
                List.of()).restartLine(Path.of("/net/node-2")))
                .isEqualTo("cd /net/node-2 && STELE_JAVA_OPTS=-Xmx1g /src/stele node --config node.toml");
    }

    @Test
    void anOptionWithASpaceIsRefusedSinceItWouldBeTwoWordsInTheRestartLine() {
        assertThatThrownBy(() -> new NodeCommandLine(Path.of("java"), "cp", "1g", Optional.empty(),
                List.of("-Dname=two words"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without spaces");
    }
}

package org.stele.node.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stele.chain.BlockHeader;
import org.stele.common.Bytes32;

/** The {@code logging-*} keys set Logback up; the import line has Besu's shape. */
class LoggingTest {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingTest.class);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void backToTheTestConfiguration() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    private String written() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainLinesCarryTimeThreadLevelLoggerAndMessage() {
        Logging.configure(new LoggingConfig("plain", "info"), out);
        LOG.info("Imported #{}", 7);
        LOG.debug("not at info");
        assertThat(written()).matches(
                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4} \\| [^|]+ \\| INFO  \\| LoggingTest "
                        + "\\| Imported #7\\R");
    }

    @Test
    void jsonWritesOneObjectPerLineWithLevelLoggerAndFormattedMessage() throws Exception {
        Logging.configure(new LoggingConfig("JSON", "debug"), out);
        LOG.info("Imported #{}", 7);
        LOG.debug("second");
        String[] lines = written().split("\\R");
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.get("level").asText()).isEqualTo("INFO");
        assertThat(first.get("loggerName").asText()).isEqualTo(LoggingTest.class.getName());
        assertThat(first.get("formattedMessage").asText()).isEqualTo("Imported #7");
        assertThat(new ObjectMapper().readTree(lines[1]).get("formattedMessage").asText()).isEqualTo("second");
    }

    @Test
    void librariesStayAtWarnWhenTheNodeLogsMore() {
        Logging.configure(new LoggingConfig("plain", "debug"), out);
        LoggerFactory.getLogger("io.netty.channel.Whatever").info("chatter");
        LoggerFactory.getLogger("io.netty.channel.Whatever").warn("worth reading");
        assertThat(written()).doesNotContain("chatter").contains("worth reading");
    }

    @Test
    void anUnknownFormatOrLevelIsAClearError() {
        assertThatThrownBy(() -> new LoggingConfig("xml", "info"))
                .hasMessage("logging-format must be plain or json, got 'xml'");
        assertThatThrownBy(() -> new LoggingConfig("plain", "loud"))
                .hasMessageStartingWith("logging-level must be one of");
    }

    @Test
    void theImportLineNamesNumberTransactionsGasRoundHashAndTime() {
        BlockHeader header = BlockHeader.builder().number(1234).gasLimit(30_000_000).gasUsed(1_234_567).build();
        Bytes32 hash = Bytes32.fromHex("0xabcd" + "00".repeat(28) + "1234");
        assertThat(BlockImportLog.line(header, hash, 17, OptionalInt.of(0), Duration.ofMillis(12)))
                .isEqualTo("Imported #1,234 / 17 tx / gas 1,234,567 (4.1%) / round 0 / 0xabcd…1234 / 12 ms");
        assertThat(BlockImportLog.line(header, hash, 0, OptionalInt.empty(), Duration.ofNanos(4_100_000)))
                .isEqualTo("Imported #1,234 / 0 tx / gas 1,234,567 (4.1%) / 0xabcd…1234 / 4.1 ms");
    }
}

package org.stele.node.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Sets Logback up from {@link LoggingConfig}, in code rather than from a file, so that the keys of the node's
 * configuration are the one place an operator says how it logs. Logs go to standard output, as Besu's do.
 */
public final class Logging {
    /** Besu's console layout: time with zone, thread, level, logger, message. */
    static final String PLAIN_PATTERN = "%date{yyyy-MM-dd HH:mm:ss.SSSZZZ} | %thread | %-5level | %logger{0} | %msg%n";
    /** Chatty at info; what they say at warn and above is worth an operator's attention. */
    private static final List<String> LIBRARIES = List.of("io.netty", "org.rocksdb");

    private Logging() {
    }

    /** Replaces whatever logging was set up with {@code config}, writing to standard output. */
    public static void configure(LoggingConfig config) {
        configure(config, System.out);
    }

    /** Replaces whatever logging was set up with {@code config}, writing to {@code out}. */
    public static void configure(LoggingConfig config, OutputStream out) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        OutputStreamAppender<ILoggingEvent> console = new OutputStreamAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(encoder(config, context));
        // The appender closes its stream when logging is set up again; standard output must outlive that.
        console.setOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        });
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Level level = Level.toLevel(config.level());
        root.setLevel(level);
        root.addAppender(console);
        Level libraries = level.isGreaterOrEqual(Level.WARN) ? level : Level.WARN;
        for (String name : LIBRARIES) context.getLogger(name).setLevel(libraries);
    }

    private static Encoder<ILoggingEvent> encoder(LoggingConfig config, LoggerContext context) {
        if (config.json()) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            // The message once, formatted; the sequence number, nanoseconds, context and raw arguments are noise here.
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithArguments(false);
            json.setWithMessage(false);
            json.setWithFormattedMessage(true);
            json.start();
            return json;
        }
        PatternLayoutEncoder plain = new PatternLayoutEncoder();
        plain.setContext(context);
        plain.setPattern(PLAIN_PATTERN);
        plain.start();
        return plain;
    }
}

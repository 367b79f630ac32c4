package org.stele.node.logging;

import java.util.Locale;
import java.util.Set;

/**
 * How the node logs.
 *
 * @param format {@code plain} (Besu-style lines) or {@code json} (one JSON object per line, for log shippers)
 * @param level the least severe level written: {@code trace}, {@code debug}, {@code info}, {@code warn},
 *            {@code error} or {@code off}; libraries (Netty, RocksDB) stay at {@code warn} unless this is stricter
 */
public record LoggingConfig(String format, String level) {
    private static final Set<String> FORMATS = Set.of("plain", "json");
    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");
    /** Declared after the sets it is checked against, which must exist when it is built. */
    public static final LoggingConfig DEFAULT = new LoggingConfig("plain", "info");

    public LoggingConfig {
        format = format.toLowerCase(Locale.ROOT);
        level = level.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format))
            throw new IllegalArgumentException("logging-format must be plain or json, got '" + format + "'");
        if (!LEVELS.contains(level))
            throw new IllegalArgumentException(
                    "logging-level must be one of trace, debug, info, warn, error, off, got '" + level + "'");
    }

    public boolean json() {
        return format.equals("json");
    }
}

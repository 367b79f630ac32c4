package org.stele.node.logging;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stele.chain.BlockHeader;
import org.stele.common.Bytes32;

/**
 * The line an operator reads for each imported block, in Besu's manner:
 * {@code Imported #1,234 / 17 tx / gas 1,234,567 (4.1%) / round 0 / 0xabcd…1234 / 12 ms}. The round is there when
 * the block carries QBFT's extra data.
 */
public final class BlockImportLog {
    private static final Logger LOG = LoggerFactory.getLogger(BlockImportLog.class);

    private BlockImportLog() {
    }

    /** Logs the line at info. */
    public static void imported(BlockHeader header, Bytes32 hash, int transactions, OptionalInt round,
            Duration took) {
        if (LOG.isInfoEnabled()) LOG.info(line(header, hash, transactions, round, took));
    }

    static String line(BlockHeader header, Bytes32 hash, int transactions, OptionalInt round, Duration took) {
        double percent = header.gasLimit() == 0 ? 0 : 100.0 * header.gasUsed() / header.gasLimit();
        StringBuilder s = new StringBuilder(96).append(String.format(Locale.ROOT,
                "Imported #%,d / %d tx / gas %,d (%.1f%%)", header.number(), transactions, header.gasUsed(),
                percent));
        round.ifPresent(r -> s.append(" / round ").append(r));
        String hex = hash.toHex();
        s.append(" / ").append(hex, 0, 6).append('…').append(hex, hex.length() - 4, hex.length());
        long micros = took.toNanos() / 1_000;
        s.append(" / ").append(micros >= 10_000
                ? (micros / 1_000) + " ms"
                : String.format(Locale.ROOT, "%.1f ms", micros / 1_000.0));
        return s.toString();
    }
}

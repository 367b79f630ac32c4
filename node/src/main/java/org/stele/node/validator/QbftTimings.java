package org.stele.node.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.stele.consensus.qbft.engine.EngineConfig;
import org.stele.execution.genesis.GenesisFormatException;

/**
 * The timings a validator runs with: each from the node's configuration when given, else from the genesis's
 * {@code config.qbft} (Besu's {@code blockperiodseconds}, {@code emptyblockperiodseconds},
 * {@code requesttimeoutseconds}; Stele's {@code blockperiodmilliseconds} wins over the first), else the defaults.
 *
 * @param blockPeriod        least time between a block and its parent
 * @param emptyBlockPeriod   least time between a block and its parent when no transaction is pending
 * @param requestTimeout     round 0's timeout; round r's is {@code requestTimeout * 2^min(r, maxTimeoutExponent)}
 * @param maxTimeoutExponent caps the doubling
 */
public record QbftTimings(Duration blockPeriod, Duration emptyBlockPeriod, Duration requestTimeout,
        int maxTimeoutExponent) {
    public static final Duration DEFAULT_BLOCK_PERIOD = Duration.ofMillis(250);
    public static final Duration DEFAULT_EMPTY_BLOCK_PERIOD = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(2);

    public QbftTimings {
        if (emptyBlockPeriod.compareTo(blockPeriod) < 0)
            emptyBlockPeriod = blockPeriod;
    }

    /**
     * How long a proposer may spend filling a proposal: half the request timeout. The other validators then execute
     * it again, three at a time on shared cores (about one and a half times as long), and vote twice, all before the
     * round's timer runs out: round 0's is the request timeout plus the empty-block period, a later round's at least
     * twice the request timeout. On a busy machine a 60,000,000-gas block took longer than that to build alone, and
     * its round changed.
     */
    public Duration buildTimeBudget() {
        return requestTimeout.dividedBy(2);
    }

    public EngineConfig engineConfig() {
        EngineConfig d = EngineConfig.defaults();
        return new EngineConfig(requestTimeout.toMillis(), maxTimeoutExponent, d.futureRoundWindow(),
                d.futureHeightWindow(), d.maxBufferedPerSender());
    }

    public static QbftTimings resolve(NetworkNodeConfig.QbftSettings settings, Path genesisFile) {
        JsonNode qbft;
        try {
            qbft = new ObjectMapper().readTree(genesisFile.toFile()).path("config").path("qbft");
        } catch (IOException e) {
            throw new GenesisFormatException(genesisFile + ": cannot read: " + e.getMessage(), e);
        }
        Duration genesisPeriod = qbft.has("blockperiodmilliseconds")
                ? Duration.ofMillis(positive(qbft, "blockperiodmilliseconds"))
                : qbft.has("blockperiodseconds") ? Duration.ofSeconds(positive(qbft, "blockperiodseconds")) : null;
        Duration genesisEmpty = qbft.has("emptyblockperiodseconds")
                ? Duration.ofSeconds(positive(qbft, "emptyblockperiodseconds"))
                : null;
        Duration genesisTimeout = qbft.has("requesttimeoutseconds")
                ? Duration.ofSeconds(positive(qbft, "requesttimeoutseconds"))
                : null;
        return new QbftTimings(pick(settings.blockPeriod(), genesisPeriod, DEFAULT_BLOCK_PERIOD),
                pick(settings.emptyBlockPeriod(), genesisEmpty, DEFAULT_EMPTY_BLOCK_PERIOD),
                pick(settings.requestTimeout(), genesisTimeout, DEFAULT_REQUEST_TIMEOUT),
                settings.maxTimeoutExponent());
    }

    private static Duration pick(Duration configured, Duration genesis, Duration fallback) {
        return configured != null ? configured : genesis != null ? genesis : fallback;
    }

    private static long positive(JsonNode qbft, String field) {
        JsonNode n = qbft.get(field);
        if (!n.canConvertToLong() || n.asLong() <= 0)
            throw new GenesisFormatException("genesis: config.qbft." + field + ": want a positive integer, got " + n);
        return n.asLong();
    }
}

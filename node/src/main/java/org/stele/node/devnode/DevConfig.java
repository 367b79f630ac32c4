package org.stele.node.devnode;

import java.math.BigInteger;
import java.nio.file.Path;
import org.stele.node.config.ConfigSchema;
import org.stele.node.config.Flatten;
import org.stele.node.dev.Mnemonic;
import org.stele.node.logging.LoggingConfig;
import org.stele.node.metrics.MetricsConfig;
import org.stele.node.wiring.NodeConfig;
import org.stele.rpc.server.RpcServerConfig;
import org.stele.txpool.TxPoolConfig;

/**
 * How a dev chain is set up: the node's settings, and the chain that only a dev node makes up for itself.
 *
 * @param blockTime 0 seals as transactions arrive; otherwise a block every so many seconds
 * @param mnemonic BIP-39 words of the prefunded accounts
 * @param accounts how many prefunded accounts
 */
public record DevConfig(@Flatten NodeConfig node, long chainId, long gasLimit, long blockTime, String mnemonic,
        int accounts) {
    /** anvil's and Hardhat's chain id, so wallets configured for a local chain work unchanged. */
    public static final long DEFAULT_CHAIN_ID = 31337;

    /**
     * {@code stele dev} with no flags: RPC on 127.0.0.1:8545 for pages on this machine only (geth's browser policy),
     * and a pool that lets scripts and load tests send long runs from one account, as anvil does.
     */
    public static final DevConfig DEFAULTS = new DevConfig(
            new NodeConfig(Path.of(".stele/dev"), RpcServerConfig.localhost(8545),
                    new TxPoolConfig(4_096, 65_536, 10, BigInteger.ONE), LoggingConfig.DEFAULT, MetricsConfig.DEV),
            DEFAULT_CHAIN_ID, 30_000_000, 0, Mnemonic.DEFAULT, 10);

    public static final ConfigSchema<DevConfig> SCHEMA = new ConfigSchema<>(DevConfig.class, DEFAULTS);

    public DevConfig {
        if (accounts < 1 || accounts > 1000) throw new IllegalArgumentException("accounts must be between 1 and 1000");
        if (blockTime < 0) throw new IllegalArgumentException("block-time must not be negative");
        if (chainId <= 0) throw new IllegalArgumentException("chain-id must be positive");
        if (gasLimit < 21_000) throw new IllegalArgumentException("gas-limit must be at least 21000");
        Mnemonic.parse(mnemonic);
    }
}

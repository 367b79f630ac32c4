package org.stele.node.devnode;

import java.nio.file.Path;
import org.stele.node.dev.Mnemonic;

/**
 * How a dev chain is set up.
 *
 * @param blockTimeSeconds 0 seals as transactions arrive; otherwise a block every so many seconds
 */
public record DevNodeConfig(Path dataDir, String host, int port, long chainId, Mnemonic mnemonic, int accounts,
        long blockTimeSeconds, long gasLimit) {
    /** anvil's and Hardhat's chain id, so wallets configured for a local chain work unchanged. */
    public static final long DEFAULT_CHAIN_ID = 31337;
}

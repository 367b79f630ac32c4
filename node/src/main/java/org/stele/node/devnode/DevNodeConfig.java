package org.stele.node.devnode;

import java.math.BigInteger;
import java.nio.file.Path;
import org.stele.node.dev.Mnemonic;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.server.BrowserPolicy;
import org.stele.rpc.server.ConnectionLimits;

/**
 * How a dev chain is set up.
 *
 * @param blockTimeSeconds 0 seals as transactions arrive; otherwise a block every so many seconds
 * @param rpcLimits what one JSON-RPC request may ask
 * @param browsers which pages may call the node, under which host names ({@code --http.corsdomain},
 *            {@code --http.vhosts})
 * @param connections connection count, timeouts and pipelining
 * @param minGasPrice the pool's lowest fee cap ({@code --txpool.pricelimit})
 * @param allowUnprotected whether transactions without EIP-155 replay protection are accepted
 *            ({@code --rpc.allow-unprotected-txs})
 */
public record DevNodeConfig(Path dataDir, String host, int port, long chainId, Mnemonic mnemonic, int accounts,
        long blockTimeSeconds, long gasLimit, RpcLimits rpcLimits, BrowserPolicy browsers,
        ConnectionLimits connections, BigInteger minGasPrice, boolean allowUnprotected) {
    /** anvil's and Hardhat's chain id, so wallets configured for a local chain work unchanged. */
    public static final long DEFAULT_CHAIN_ID = 31337;

    /** The chain's settings, with the default RPC limits and admission rules. */
    public DevNodeConfig(Path dataDir, String host, int port, long chainId, Mnemonic mnemonic, int accounts,
            long blockTimeSeconds, long gasLimit) {
        this(dataDir, host, port, chainId, mnemonic, accounts, blockTimeSeconds, gasLimit, RpcLimits.DEFAULT,
                BrowserPolicy.DEFAULT, ConnectionLimits.DEFAULT, BigInteger.ONE, false);
    }
}

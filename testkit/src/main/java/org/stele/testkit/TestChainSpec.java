package org.stele.testkit;

import java.math.BigInteger;
import org.stele.common.Fork;

/**
 * The parameters of every fixture chain: {@code TestChain}'s, and those of the genesis blocks execution's own tests
 * build (they cannot use {@code TestChain}, which sits on execution).
 */
public final class TestChainSpec {
    public static final long CHAIN_ID = 1337;
    public static final Fork FORK = Fork.CANCUN;
    public static final long GAS_LIMIT = 30_000_000;
    /** The genesis base fee: 1 gwei, as geth and anvil start. */
    public static final BigInteger GENESIS_BASE_FEE = BigInteger.valueOf(1_000_000_000);

    private TestChainSpec() {
    }
}

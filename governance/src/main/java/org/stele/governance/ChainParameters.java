package org.stele.governance;

import java.math.BigInteger;

/**
 * The parameters the {@code Parameters} contract holds; a zero means "not set" (the node's own setting applies).
 *
 * @param blockGasLimit     the gas limit of every block from the next one
 * @param minGasPrice       the lowest max fee per gas (wei) a node's pool accepts
 * @param maxTxSize         the largest encoded transaction (bytes) a node's pool accepts
 * @param blockPeriodMillis the time between blocks
 */
public record ChainParameters(long blockGasLimit, BigInteger minGasPrice, long maxTxSize, long blockPeriodMillis) {
    /** geth's transaction size limit, four 32 KiB slots. */
    public static final long DEFAULT_MAX_TX_SIZE = 128 * 1024;
    public static final ChainParameters UNSET = new ChainParameters(0, BigInteger.ZERO, 0, 0);
}

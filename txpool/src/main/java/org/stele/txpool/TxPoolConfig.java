package org.stele.txpool;

import java.math.BigInteger;

/**
 * Limits and prices of the pool.
 *
 * @param maxPerSender most transactions one sender may have in the pool, pending and queued together
 * @param maxTotal most transactions in the pool
 * @param priceBumpPercent how much a replacement must raise both fee caps (geth and Besu: 10)
 * @param minGasPrice the lowest max fee per gas accepted
 */
public record TxPoolConfig(int maxPerSender, int maxTotal, int priceBumpPercent, BigInteger minGasPrice) {
    public static final TxPoolConfig DEFAULT = new TxPoolConfig(64, 8192, 10, BigInteger.ZERO);

    public TxPoolConfig {
        if (maxPerSender <= 0 || maxTotal <= 0 || priceBumpPercent < 0 || minGasPrice.signum() < 0) {
            throw new IllegalArgumentException("pool limits must be positive");
        }
    }
}

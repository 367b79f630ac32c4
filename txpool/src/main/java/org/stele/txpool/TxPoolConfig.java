package org.stele.txpool;

import java.math.BigInteger;

/**
 * Limits, prices and admission rules of the pool, named as geth names their flags.
 *
 * @param maxPerSender most transactions one sender may have in the pool, pending and queued together
 *            ({@code --txpool.accountslots} and {@code --txpool.accountqueue} together)
 * @param maxTotal most transactions in the pool ({@code --txpool.globalslots})
 * @param priceBumpPercent how much a replacement must raise both fee caps ({@code --txpool.pricebump}; geth and
 *            Besu: 10)
 * @param minGasPrice the lowest max fee per gas accepted ({@code --txpool.pricelimit}; geth: 1 wei)
 * @param maxTxBytes the largest encoded transaction accepted (geth's {@code txMaxSize}: 128 KiB)
 * @param allowUnprotected whether legacy transactions without EIP-155 replay protection are accepted
 *            ({@code --rpc.allow-unprotected-txs}; geth: no)
 */
public record TxPoolConfig(int maxPerSender, int maxTotal, int priceBumpPercent, BigInteger minGasPrice,
        int maxTxBytes, boolean allowUnprotected) {
    /** geth's transaction size limit: four 32 KiB slots. */
    public static final int MAX_TX_BYTES = 4 * 32 * 1024;
    public static final TxPoolConfig DEFAULT = new TxPoolConfig(64, 8192, 10, BigInteger.ONE, MAX_TX_BYTES, false);

    public TxPoolConfig {
        if (maxPerSender <= 0 || maxTotal <= 0 || priceBumpPercent < 0 || minGasPrice.signum() < 0
                || maxTxBytes <= 0) {
            throw new IllegalArgumentException("pool limits must be positive");
        }
    }

    /** Counts and prices, with geth's size limit and replay protection required. */
    public TxPoolConfig(int maxPerSender, int maxTotal, int priceBumpPercent, BigInteger minGasPrice) {
        this(maxPerSender, maxTotal, priceBumpPercent, minGasPrice, MAX_TX_BYTES, false);
    }
}

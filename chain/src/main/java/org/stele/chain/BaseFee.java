package org.stele.chain;

import java.math.BigInteger;

/**
 * EIP-1559's base fee: it moves towards keeping blocks half full, by at most 1/8 per block. The first London block
 * starts at 1 gwei; the rule is the same on every later fork.
 */
public final class BaseFee {
    public static final BigInteger INITIAL = BigInteger.valueOf(1_000_000_000L);
    private static final long ELASTICITY = 2;
    private static final BigInteger CHANGE_DENOMINATOR = BigInteger.valueOf(8);

    private BaseFee() {
    }

    /** The base fee of the block after {@code parent} (which must carry a base fee). */
    public static BigInteger next(BlockHeader parent) {
        BigInteger baseFee = parent.baseFeePerGas()
                .orElseThrow(() -> new IllegalArgumentException("block " + parent.number() + " has no base fee"));
        long target = parent.gasLimit() / ELASTICITY;
        if (target == 0 || parent.gasUsed() == target) return baseFee;
        BigInteger targetGas = BigInteger.valueOf(target);
        if (parent.gasUsed() > target) {
            BigInteger delta = baseFee.multiply(BigInteger.valueOf(parent.gasUsed() - target)).divide(targetGas)
                    .divide(CHANGE_DENOMINATOR);
            return baseFee.add(delta.max(BigInteger.ONE));
        }
        BigInteger delta = baseFee.multiply(BigInteger.valueOf(target - parent.gasUsed())).divide(targetGas)
                .divide(CHANGE_DENOMINATOR);
        return baseFee.subtract(delta).max(BigInteger.ZERO);
    }
}

package org.stele.execution;

import java.math.BigInteger;
import org.stele.chain.rules.ExecutionHeaderRules;

/** EIP-4844 blob gas accounting: gas per blob, the per-block cap and the blob base fee. */
public final class BlobGas {
    public static final long GAS_PER_BLOB = ExecutionHeaderRules.GAS_PER_BLOB;
    /** Cancun: at most 6 blobs per block. */
    public static final long MAX_BLOB_GAS_PER_BLOCK = ExecutionHeaderRules.MAX_BLOB_GAS_PER_BLOCK;
    public static final byte VERSIONED_HASH_VERSION_KZG = 0x01;
    private static final BigInteger MIN_BLOB_BASE_FEE = BigInteger.ONE;
    private static final BigInteger BLOB_BASE_FEE_UPDATE_FRACTION = BigInteger.valueOf(3_338_477);

    private BlobGas() {
    }

    /** The blob base fee for a block whose header carries {@code excessBlobGas}. */
    public static BigInteger baseFee(long excessBlobGas) {
        return fakeExponential(MIN_BLOB_BASE_FEE, BigInteger.valueOf(excessBlobGas), BLOB_BASE_FEE_UPDATE_FRACTION);
    }

    /** EIP-4844's integer approximation of {@code factor * e^(numerator / denominator)}, bit for bit. */
    static BigInteger fakeExponential(BigInteger factor, BigInteger numerator, BigInteger denominator) {
        BigInteger output = BigInteger.ZERO;
        BigInteger accum = factor.multiply(denominator);
        for (int i = 1; accum.signum() > 0; i++) {
            output = output.add(accum);
            accum = accum.multiply(numerator).divide(denominator.multiply(BigInteger.valueOf(i)));
        }
        return output.divide(denominator);
    }
}

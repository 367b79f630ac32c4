package org.stele.chain.tx;

import java.math.BigInteger;

/** Range checks for fields that the RLP encodes as 256-bit scalars. */
final class TransactionFields {
    static final BigInteger TWO_POW_256 = BigInteger.TWO.pow(256);

    private TransactionFields() {
    }

    static void requireUInt256(BigInteger v, String field) {
        if (v.signum() < 0 || v.compareTo(TWO_POW_256) >= 0)
            throw new IllegalArgumentException(field + " must be an unsigned 256-bit value: " + v);
    }
}

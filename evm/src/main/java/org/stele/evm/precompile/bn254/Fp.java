package org.stele.evm.precompile.bn254;

import java.math.BigInteger;

/** The BN254 base field: arithmetic on reduced, non-negative {@link BigInteger}s modulo {@link #P}. */
final class Fp {
    static final BigInteger P = new BigInteger(
            "21888242871839275222246405745257275088696311157297823662689037894645226208583");

    private Fp() {
    }

    static BigInteger add(BigInteger a, BigInteger b) {
        BigInteger r = a.add(b);
        return r.compareTo(P) >= 0 ? r.subtract(P) : r;
    }

    static BigInteger sub(BigInteger a, BigInteger b) {
        BigInteger r = a.subtract(b);
        return r.signum() < 0 ? r.add(P) : r;
    }

    static BigInteger neg(BigInteger a) {
        return a.signum() == 0 ? a : P.subtract(a);
    }

    static BigInteger mul(BigInteger a, BigInteger b) {
        return a.multiply(b).mod(P);
    }

    /** The inverse of a non-zero element. */
    static BigInteger inv(BigInteger a) {
        return a.modInverse(P);
    }
}

package org.stele.chain.tx;

import java.math.BigInteger;
import java.util.Objects;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Signature;

/**
 * The signature fields of a transaction: {@code r}, {@code s} and the recovery parity (0 or 1). Legacy transactions
 * fold the parity and the chain id into {@code v}; the transaction record keeps them apart, so {@code v} is derived
 * when encoding. Range rules (r and s in [1, n), low s from Homestead) are checked by {@link TransactionValidator},
 * not here, so that a decoded transaction can be inspected before it is judged.
 */
public record TransactionSignature(int yParity, BigInteger r, BigInteger s) {
    private static final BigInteger MAX_256 = BigInteger.TWO.pow(256);

    /** Stands in for the signature of a transaction that has not been signed yet; {@code sign} replaces it. */
    public static final TransactionSignature UNSIGNED = new TransactionSignature(0, BigInteger.ZERO, BigInteger.ZERO);

    public TransactionSignature {
        Objects.requireNonNull(r, "r");
        Objects.requireNonNull(s, "s");
        if (yParity != 0 && yParity != 1)
            throw new IllegalArgumentException("y parity must be 0 or 1, got " + yParity);
        if (r.signum() < 0 || s.signum() < 0 || r.compareTo(MAX_256) >= 0 || s.compareTo(MAX_256) >= 0)
            throw new IllegalArgumentException("r and s must be unsigned 256-bit values");
    }

    public static TransactionSignature of(Signature signature) {
        return new TransactionSignature(signature.recoveryId(), new BigInteger(1, signature.r().unsafeArray()),
                new BigInteger(1, signature.s().unsafeArray()));
    }

    /** The signature in the crypto suite's form, for recovery. */
    public Signature toSignature() {
        return Signature.secp256k1(word(r), word(s), yParity);
    }

    private static Bytes32 word(BigInteger v) {
        byte[] b = v.toByteArray();
        int off = b.length > 32 ? b.length - 32 : 0;
        byte[] exact = java.util.Arrays.copyOfRange(b, off, b.length);
        return Bytes32.leftPad(exact);
    }
}

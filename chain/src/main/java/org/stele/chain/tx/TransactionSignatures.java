package org.stele.chain.tx;

import java.math.BigInteger;
import org.stele.common.crypto.Signature;

/** Turns a transaction's signature into the form the crypto suite recovers from. */
final class TransactionSignatures {
    private static final BigInteger HALF_N = TransactionValidator.SECP256K1_N.shiftRight(1);

    private TransactionSignatures() {
    }

    /**
     * The suite recovers under EIP-2 (low s only). Frontier accepted high s, and whether a fork does is
     * {@link TransactionValidator}'s decision, so a high-s signature is handed over as its low-s twin: (r, n - s)
     * with the other parity is a signature by the same key over the same hash, and recovers to the same signer.
     */
    static Signature forRecovery(TransactionSignature sig) {
        if (sig.s().compareTo(HALF_N) <= 0 || sig.s().compareTo(TransactionValidator.SECP256K1_N) >= 0)
            return sig.toSignature();
        return new TransactionSignature(sig.yParity() ^ 1, sig.r(), TransactionValidator.SECP256K1_N.subtract(sig.s()))
                .toSignature();
    }
}

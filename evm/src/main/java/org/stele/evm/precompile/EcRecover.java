package org.stele.evm.precompile;

import fr.acinq.secp256k1.Secp256k1;
import java.util.Arrays;
import org.stele.common.crypto.Keccak256;

/**
 * 0x01: the address that signed a hash, from input {@code hash(32) || v(32) || r(32) || s(32)} (right-padded with
 * zeros when shorter), 3000 gas. Unlike transaction signatures, high s is accepted; v must be exactly 27 or 28 and r,
 * s must lie in [1, n). Any invalid signature returns empty output, which is a successful call.
 */
final class EcRecover implements Precompile {
    private static final byte[] EMPTY = new byte[0];

    @Override
    public String name() {
        return "ecrecover";
    }

    @Override
    public long gasCost(byte[] input) {
        return 3000;
    }

    @Override
    public byte[] compute(byte[] input) {
        byte[] in = Arrays.copyOf(input, 128);
        // v is a 32-byte big-endian word: 31 zero bytes then 27 or 28.
        for (int i = 32; i < 63; i++) {
            if (in[i] != 0) return EMPTY;
        }
        int v = in[63] & 0xFF;
        if (v != 27 && v != 28) return EMPTY;
        byte[] r = Arrays.copyOfRange(in, 64, 96);
        byte[] s = Arrays.copyOfRange(in, 96, 128);
        if (!Secp256k1Order.isValidScalar(r) || !Secp256k1Order.isValidScalar(s)) return EMPTY;
        byte[] sig = Arrays.copyOfRange(in, 64, 128);
        byte[] publicKey;
        try {
            publicKey = Secp256k1.get().ecdsaRecover(sig, Arrays.copyOfRange(in, 0, 32), v - 27);
        } catch (RuntimeException e) {
            // libsecp256k1 reports an unrecoverable signature (r not an x coordinate on the curve) by throwing.
            return EMPTY;
        }
        byte[] hash = Keccak256.hash(Arrays.copyOfRange(publicKey, 1, 65));
        byte[] out = new byte[32];
        System.arraycopy(hash, 12, out, 12, 20);
        return out;
    }

    /** Range checks against the secp256k1 group order n. */
    private static final class Secp256k1Order {
        private static final byte[] N = org.stele.common.Hex
                .decode("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

        static boolean isValidScalar(byte[] x) {
            boolean zero = true;
            for (byte b : x) {
                if (b != 0) {
                    zero = false;
                    break;
                }
            }
            return !zero && Arrays.compareUnsigned(x, N) < 0;
        }
    }
}

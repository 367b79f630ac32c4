package org.stele.evm.precompile;

import java.util.Arrays;
import java.util.Optional;
import org.stele.common.Address;
import org.stele.common.crypto.Secp256k1KeccakSuite;

/**
 * 0x01: the address that signed a hash, from input {@code hash(32) || v(32) || r(32) || s(32)} (right-padded with
 * zeros when shorter), 3000 gas. Unlike transaction signatures, high s is accepted; v must be exactly 27 or 28 as a
 * 32-byte word and r, s must lie in [1, n). Any invalid signature returns empty output, which is a successful call.
 *
 * <p>
 * The precompile is secp256k1 and Keccak by definition, whatever crypto suite the chain chose, so it always uses
 * {@link Secp256k1KeccakSuite} (libsecp256k1 when it loads, BouncyCastle otherwise).
 */
final class EcRecover implements Precompile {
    private static final byte[] EMPTY = new byte[0];

    private final Secp256k1KeccakSuite suite = Secp256k1KeccakSuite.instance();

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
        for (int i = 32; i < 63; i++) {
            if (in[i] != 0) return EMPTY;
        }
        int v = in[63] & 0xFF;
        if (v != 27 && v != 28) return EMPTY;
        Optional<Address> signer = suite.ecrecover(Arrays.copyOfRange(in, 0, 32), Arrays.copyOfRange(in, 64, 96),
                Arrays.copyOfRange(in, 96, 128), v - 27);
        if (signer.isEmpty()) return EMPTY;
        byte[] out = new byte[32];
        System.arraycopy(signer.get().unsafeArray(), 0, out, 12, Address.SIZE);
        return out;
    }
}

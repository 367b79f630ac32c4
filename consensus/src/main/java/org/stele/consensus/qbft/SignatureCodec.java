package org.stele.consensus.qbft;

import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Signature;

/**
 * Signatures as bytes in messages and seals. A secp256k1 signature is {@code r || s || v} (65 bytes, v = 0 or 1) as in
 * Besu and GoQuorum; an SM2 signature, which cannot be recovered from, is {@code r || s || publicKey} (128 bytes).
 */
public final class SignatureCodec {
    public static final int RECOVERABLE_LENGTH = 65;
    public static final int WITH_PUBLIC_KEY_LENGTH = 128;

    private SignatureCodec() {
    }

    public static Bytes encode(Signature s) {
        if (s.publicKey().isEmpty()) {
            byte[] out = new byte[RECOVERABLE_LENGTH];
            System.arraycopy(s.r().unsafeArray(), 0, out, 0, 32);
            System.arraycopy(s.s().unsafeArray(), 0, out, 32, 32);
            out[64] = (byte) s.recoveryId();
            return Bytes.wrap(out);
        }
        return Bytes.concat(s.r().toBytes(), s.s().toBytes(), s.publicKey());
    }

    /** @throws IllegalArgumentException when the bytes are not a signature of either form */
    public static Signature decode(Bytes b) {
        byte[] a = b.unsafeArray();
        if (a.length == RECOVERABLE_LENGTH) {
            int v = a[64] & 0xff;
            if (v > 1)
                throw new IllegalArgumentException("signature recovery id must be 0 or 1, got " + v);
            return Signature.secp256k1(Bytes32.wrap(java.util.Arrays.copyOfRange(a, 0, 32)),
                    Bytes32.wrap(java.util.Arrays.copyOfRange(a, 32, 64)), v);
        }
        if (a.length == WITH_PUBLIC_KEY_LENGTH)
            return new Signature(Bytes32.wrap(java.util.Arrays.copyOfRange(a, 0, 32)),
                    Bytes32.wrap(java.util.Arrays.copyOfRange(a, 32, 64)), 0, b.slice(64));
        throw new IllegalArgumentException("a signature is 65 or 128 bytes, got " + a.length);
    }
}

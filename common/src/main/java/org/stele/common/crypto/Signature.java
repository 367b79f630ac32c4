package org.stele.common.crypto;

import org.stele.common.Bytes;
import org.stele.common.Bytes32;

/**
 * An ECDSA-style signature. {@code recoveryId} (0 or 1) lets secp256k1 recover the signer; SM2 cannot recover,
 * so its signatures carry the signer's {@code publicKey} instead (empty for secp256k1).
 */
public record Signature(Bytes32 r, Bytes32 s, int recoveryId, Bytes publicKey) {
    public static Signature secp256k1(Bytes32 r, Bytes32 s, int recoveryId) {
        return new Signature(r, s, recoveryId, Bytes.EMPTY);
    }
}

package org.stele.common.crypto;

import org.stele.common.Bytes;

/** An uncompressed public key as 64 bytes (x || y), without the 0x04 prefix. */
public record PublicKey(Bytes xy) {
    public PublicKey {
        if (xy.size() != 64) throw new IllegalArgumentException("a public key is 64 bytes (x || y), got " + xy.size());
    }
}

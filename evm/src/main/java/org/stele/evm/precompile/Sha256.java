package org.stele.evm.precompile;

import org.bouncycastle.crypto.digests.SHA256Digest;

/** 0x02: SHA-256 of the input (60 gas plus 12 per word). */
final class Sha256 implements Precompile {
    @Override
    public String name() {
        return "sha256";
    }

    @Override
    public long gasCost(byte[] input) {
        return Gas.linear(60, 12, input.length);
    }

    @Override
    public byte[] compute(byte[] input) {
        SHA256Digest d = new SHA256Digest();
        d.update(input, 0, input.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}

package org.stele.evm.precompile;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** 0x03: RIPEMD-160 of the input, left-padded to 32 bytes (600 gas plus 120 per word). */
final class Ripemd160 implements Precompile {
    @Override
    public String name() {
        return "ripemd160";
    }

    @Override
    public long gasCost(byte[] input) {
        return Gas.linear(600, 120, input.length);
    }

    @Override
    public byte[] compute(byte[] input) {
        RIPEMD160Digest d = new RIPEMD160Digest();
        d.update(input, 0, input.length);
        byte[] out = new byte[32];
        d.doFinal(out, 12);
        return out;
    }
}

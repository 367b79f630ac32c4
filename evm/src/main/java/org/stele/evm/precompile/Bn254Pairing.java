package org.stele.evm.precompile;

import org.stele.evm.precompile.bn254.Bn254;

/**
 * 0x08 (EIP-197): alt_bn128 pairing check. Gas is base + perPair·⌊len/192⌋: 100000 + 80000·k, and 45000 + 34000·k
 * from Istanbul (EIP-1108). A length that is not a multiple of 192 is priced by its whole pairs and then fails.
 */
final class Bn254Pairing implements Precompile {
    private final long base;
    private final long perPair;

    Bn254Pairing(boolean eip1108) {
        this.base = eip1108 ? 45_000 : 100_000;
        this.perPair = eip1108 ? 34_000 : 80_000;
    }

    @Override
    public String name() {
        return "bn256Pairing";
    }

    @Override
    public long gasCost(byte[] input) {
        return base + perPair * (input.length / Bn254.PAIR_SIZE);
    }

    @Override
    public byte[] compute(byte[] input) throws PrecompileFailure {
        return Bn254.pairingCheck(input);
    }
}

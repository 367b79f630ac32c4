package org.stele.evm.precompile;

import org.stele.evm.precompile.bn254.Bn254;

/** 0x06 (EIP-196): alt_bn128 point addition; 500 gas, 150 from Istanbul (EIP-1108). */
final class Bn254Add implements Precompile {
    private final long gas;

    Bn254Add(boolean eip1108) {
        this.gas = eip1108 ? 150 : 500;
    }

    @Override
    public String name() {
        return "bn256Add";
    }

    @Override
    public long gasCost(byte[] input) {
        return gas;
    }

    @Override
    public byte[] compute(byte[] input) throws PrecompileFailure {
        return Bn254.add(input);
    }
}

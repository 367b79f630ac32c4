package org.stele.evm.precompile;

import org.stele.evm.precompile.bn254.Bn254;

/** 0x07 (EIP-196): alt_bn128 scalar multiplication; 40000 gas, 6000 from Istanbul (EIP-1108). */
final class Bn254Mul implements Precompile {
    private final long gas;

    Bn254Mul(boolean eip1108) {
        this.gas = eip1108 ? 6000 : 40000;
    }

    @Override
    public String name() {
        return "bn256ScalarMul";
    }

    @Override
    public long gasCost(byte[] input) {
        return gas;
    }

    @Override
    public byte[] compute(byte[] input) throws PrecompileFailure {
        return Bn254.mul(input);
    }
}

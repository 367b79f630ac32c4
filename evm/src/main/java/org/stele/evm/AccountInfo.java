package org.stele.evm;

import java.math.BigInteger;
import java.util.Objects;
import org.stele.common.Bytes32;

/** The fields of an account the EVM sees; storage is read slot by slot through {@link WorldView#storage}. */
public record AccountInfo(long nonce, BigInteger balance, Bytes32 codeHash) {
    /** Keccak-256 of the empty byte string: the code hash of every account without code. */
    public static final Bytes32 EMPTY_CODE_HASH = Bytes32
            .fromHex("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");

    public AccountInfo {
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(codeHash, "codeHash");
        if (balance.signum() < 0 || balance.bitLength() > 256)
            throw new IllegalArgumentException("balance out of range: " + balance);
    }

    /** EIP-161: no code, nonce zero and balance zero. */
    public boolean isEmpty() {
        return nonce == 0 && balance.signum() == 0 && codeHash.equals(EMPTY_CODE_HASH);
    }
}

package org.stele.evm;

import java.math.BigInteger;
import java.util.Objects;
import org.stele.common.Address;
import org.stele.common.Bytes32;

/**
 * The block a transaction runs in. {@code prevRandao} answers PREVRANDAO from Paris on (EIP-4399);
 * {@code difficulty} answers it before. {@code blobBaseFee} is EIP-7516's value, derived by the caller from the
 * header's excess blob gas.
 */
public record BlockContext(Address coinbase, long number, long timestamp, long gasLimit, BigInteger baseFee,
        BigInteger difficulty, Bytes32 prevRandao,
        long chainId, BigInteger blobBaseFee) {
    public BlockContext {
        Objects.requireNonNull(coinbase, "coinbase");
        Objects.requireNonNull(baseFee, "baseFee");
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(prevRandao, "prevRandao");
        Objects.requireNonNull(blobBaseFee, "blobBaseFee");
    }
}

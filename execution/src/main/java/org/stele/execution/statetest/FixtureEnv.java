package org.stele.execution.statetest;

import java.math.BigInteger;
import org.stele.common.Address;
import org.stele.common.Bytes32;

/**
 * The block a fixture's transaction runs in.
 *
 * @param baseFee
 *            null before London
 * @param random
 *            the PREVRANDAO value (post-merge); null in older fixtures
 * @param excessBlobGas
 *            null before Cancun
 */
public record FixtureEnv(Address coinbase, BigInteger difficulty, long gasLimit, long number, long timestamp,
        BigInteger baseFee, Bytes32 random, Long excessBlobGas) {}

package org.stele.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.stele.common.Fork;

/** No input of any length, and no gas limit, makes a precompile throw: every call ends in a result. */
class RobustnessTest {

    @Provide
    Arbitrary<byte[]> inputs() {
        Arbitrary<byte[]> anyLength = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        // Lengths the precompiles care about (whole pairs, blake2f's 213, KZG's 192), mostly zeros with a few random
        // bytes, so that decoding gets past the first check more often than with uniform noise.
        Arbitrary<byte[]> structured = Combinators
                .combine(Arbitraries.of(0, 64, 96, 128, 192, 213, 384, 576),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(8),
                        Arbitraries.integers().between(0, 575))
                .as((len, noise, at) -> {
                    byte[] in = new byte[len];
                    for (int i = 0; i < noise.length && len > 0; i++) in[(at + 31 * i) % len] = noise[i];
                    return in;
                });
        return Arbitraries.oneOf(anyLength, structured, modexpHeaders());
    }

    /** Modexp headers claiming lengths from zero to 2²⁵⁶ − 1, with a short body. */
    private Arbitrary<byte[]> modexpHeaders() {
        Arbitrary<BigInteger> length = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(300)),
                Arbitraries.integers().between(0, 256)
                        .map(bits -> BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)));
        return Combinators.combine(length, length, length, Arbitraries.bytes().array(byte[].class).ofMaxSize(100))
                .as((b, e, m, body) -> {
                    byte[] in = new byte[96 + body.length];
                    put(in, 0, b);
                    put(in, 32, e);
                    put(in, 64, m);
                    System.arraycopy(body, 0, in, 96, body.length);
                    return in;
                });
    }

    private static void put(byte[] out, int off, BigInteger v) {
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, off + 32 - n, n);
    }

    @Property(tries = 400)
    void everyPrecompileEndsInAResultForAnyInput(@ForAll("inputs") byte[] input,
            @ForAll @IntRange(min = 1, max = 10) int address,
            @ForAll @LongRange(min = 0, max = 2_000_000) long gas) {
        Precompile p = Precompiles.forFork(Fork.CANCUN).get(Precompiles.standardAddress(address));
        byte[] copy = input.clone();
        PrecompileResult r = p.execute(input, gas);
        assertThat(r).isNotNull();
        assertThat(r.gasUsed()).isBetween(0L, gas);
        assertThat(input).as("input is not modified").isEqualTo(copy);
        if (r.isSuccess()) {
            assertThat(r.gasUsed()).isEqualTo(p.gasCost(input));
        } else {
            assertThat(r.gasUsed()).isEqualTo(gas);
            assertThat(r.output()).isEmpty();
        }
    }

    @Property(tries = 200)
    void pricesNeverOverflowOrGoNegative(@ForAll("inputs") byte[] input,
            @ForAll @IntRange(min = 1, max = 10) int address) {
        for (Fork fork : new Fork[]{Fork.BYZANTIUM, Fork.ISTANBUL, Fork.BERLIN, Fork.CANCUN}) {
            Precompile p = Precompiles.forFork(fork).get(Precompiles.standardAddress(address));
            if (p != null) assertThat(p.gasCost(input)).isNotNegative();
        }
    }
}

package org.stele.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ModExpTest {
    private final ModExp berlin = new ModExp(true);
    private final ModExp byzantium = new ModExp(false);

    private static byte[] header(BigInteger baseLen, BigInteger expLen, BigInteger modLen) {
        byte[] h = new byte[96];
        put(h, 0, baseLen);
        put(h, 32, expLen);
        put(h, 64, modLen);
        return h;
    }

    private static void put(byte[] out, int off, BigInteger v) {
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, off + 32 - n, n);
    }

    private static byte[] concat(byte[]... parts) {
        return org.stele.common.Bytes
                .concat(java.util.Arrays.stream(parts).map(org.stele.common.Bytes::wrap)
                        .toArray(org.stele.common.Bytes[]::new))
                .toArray();
    }

    @Test
    void hugeClaimedLengthsArePricedBeyondAnyGasWithoutAllocating() {
        BigInteger huge = BigInteger.ONE.shiftLeft(255);
        byte[] in = header(huge, huge, huge);
        assertThat(berlin.gasCost(in)).isEqualTo(Long.MAX_VALUE);
        assertThat(byzantium.gasCost(in)).isEqualTo(Long.MAX_VALUE);
        PrecompileResult r = berlin.execute(in, Long.MAX_VALUE - 1);
        assertThat(r.status()).isEqualTo(PrecompileResult.Status.OUT_OF_GAS);
    }

    @Test
    void aHugeExponentLengthWithEmptyBaseAndModulusCostsTheMinimumAndReturnsNothing() {
        byte[] in = header(BigInteger.ZERO, BigInteger.ONE.shiftLeft(200), BigInteger.ZERO);
        // EIP-2565: words = 0, so the price is the 200 floor however long the exponent claims to be.
        assertThat(berlin.gasCost(in)).isEqualTo(200);
        PrecompileResult r = berlin.execute(in, 200);
        assertThat(r.isSuccess()).isTrue();
        assertThat(r.output()).isEmpty();
    }

    @Test
    void aZeroModulusGivesZerosOfTheModulusLength() {
        byte[] in = concat(header(BigInteger.ONE, BigInteger.ONE, BigInteger.valueOf(5)),
                new byte[]{3, 2, 0, 0, 0, 0, 0});
        assertThat(berlin.execute(in, 10_000).output()).containsExactly(0, 0, 0, 0, 0);
    }

    @Test
    void operandsMissingFromTheInputAreZeros() {
        // base = 2, exponent claimed to be 2 bytes with only 0x01 present (so 0x0100 = 256), modulus absent = 0.
        byte[] in = concat(header(BigInteger.ONE, BigInteger.TWO, BigInteger.ONE), new byte[]{2, 1});
        assertThat(berlin.execute(in, 10_000).output()).containsExactly(0);
        // Same with the modulus present: 2^256 mod 251.
        byte[] withMod = concat(header(BigInteger.ONE, BigInteger.TWO, BigInteger.ONE),
                new byte[]{2, 1, 0, (byte) 251});
        int expected = BigInteger.TWO.modPow(BigInteger.valueOf(256), BigInteger.valueOf(251)).intValue();
        assertThat(berlin.execute(withMod, 10_000).output()).containsExactly((byte) expected);
    }

    @Test
    void anExponentRunningFarPastTheInputIsSquaredRatherThanMaterialised() {
        // base 3, exponent: one byte 0x01 present then 4000 missing zero bytes, i.e. 2^32000; modulus beyond the
        // input is zero, so give the modulus inline by making it the exponent's first byte instead.
        BigInteger expLen = BigInteger.valueOf(4001);
        byte[] in = concat(header(BigInteger.ONE, expLen, BigInteger.ONE), new byte[]{3, 1});
        PrecompileResult r = berlin.execute(in, 100_000_000);
        assertThat(r.isSuccess()).isTrue();
        assertThat(r.output()).containsExactly(0);
    }

    @Test
    void eip2565PricesTheExponentsBitLengthAndTheFloor() {
        // 32-byte operands, exponent 0x010001: words = 4, iterations = 16, 16·16/3 = 85 → floor 200.
        byte[] in = concat(header(BigInteger.valueOf(32), BigInteger.valueOf(3), BigInteger.valueOf(32)), new byte[32],
                new byte[]{1, 0, 1});
        assertThat(berlin.gasCost(in)).isEqualTo(200);
        // 256-byte operands, same exponent: words = 32, 1024·16/3 = 5461.
        byte[] big = concat(header(BigInteger.valueOf(256), BigInteger.valueOf(3), BigInteger.valueOf(256)),
                new byte[256], new byte[]{1, 0, 1});
        assertThat(berlin.gasCost(big)).isEqualTo(5461);
        // A 64-byte exponent with a zero head: iterations = 8·(64 − 32) = 256.
        byte[] longExp = concat(header(BigInteger.valueOf(32), BigInteger.valueOf(64), BigInteger.valueOf(32)),
                new byte[32], new byte[64]);
        assertThat(berlin.gasCost(longExp)).isEqualTo(16 * 256 / 3);
    }

    @Property(tries = 300)
    void resultsMatchBigIntegerModPow(@ForAll @Size(max = 40) byte[] base, @ForAll @Size(max = 6) byte[] exp,
            @ForAll @Size(max = 40) byte[] mod, @ForAll @IntRange(min = -8, max = 8) int truncate) {
        byte[] full = concat(
                header(BigInteger.valueOf(base.length), BigInteger.valueOf(exp.length), BigInteger.valueOf(mod.length)),
                base, exp,
                mod);
        // Dropping trailing bytes must behave exactly like zeros in their place.
        int keep = Math.max(96, full.length - Math.max(0, truncate));
        byte[] in = Arrays.copyOf(full, keep);
        byte[] padded = Arrays.copyOf(in, full.length);
        byte[] b = Arrays.copyOfRange(padded, 96, 96 + base.length);
        byte[] e = Arrays.copyOfRange(padded, 96 + base.length, 96 + base.length + exp.length);
        byte[] m = Arrays.copyOfRange(padded, 96 + base.length + exp.length, full.length);

        PrecompileResult r = berlin.execute(in, Long.MAX_VALUE);
        assertThat(r.isSuccess()).isTrue();
        if (base.length == 0 && mod.length == 0) {
            assertThat(r.output()).isEmpty();
            return;
        }
        BigInteger modulus = new BigInteger(1, m);
        BigInteger expected = modulus.signum() == 0
                ? BigInteger.ZERO
                : new BigInteger(1, b).modPow(new BigInteger(1, e), modulus);
        assertThat(r.output()).hasSize(mod.length);
        assertThat(new BigInteger(1, r.output())).isEqualTo(expected);
    }
}

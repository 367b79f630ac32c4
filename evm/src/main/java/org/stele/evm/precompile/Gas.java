package org.stele.evm.precompile;

/** Gas arithmetic shared by the precompiles: word counts and saturating sums, so no price overflows. */
final class Gas {
    private Gas() {
    }

    /** Number of 32-byte words needed for {@code length} bytes. */
    static long words(long length) {
        return (length + 31) >>> 5;
    }

    /** {@code base + perWord * words(length)}, saturating at {@link Long#MAX_VALUE}. */
    static long linear(long base, long perWord, long length) {
        return saturatingAdd(base, saturatingMul(perWord, words(length)));
    }

    static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    /** Product of two non-negative longs, saturating at {@link Long#MAX_VALUE}. */
    static long saturatingMul(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }
}

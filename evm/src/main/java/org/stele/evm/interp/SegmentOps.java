package org.stele.evm.interp;

/**
 * One small static method per stack-only opcode, and per PUSH-and-memory pair: what compiled segments call, and what
 * the untraced interpreter loop's cases for the same opcodes call, so that both compute each opcode the same way.
 * {@code t} is the index of the top word, {@code n} where a pushed word goes.
 */
final class SegmentOps {
    private SegmentOps() {
    }

    static void add(long[] s, int t) {
        U256.add(s, t, t - 4, t - 4);
    }

    static void mul(long[] s, int t) {
        U256.mul(s, t, t - 4, t - 4);
    }

    static void sub(long[] s, int t) {
        U256.sub(s, t, t - 4, t - 4);
    }

    static void div(long[] s, int t) {
        U256Division.div(s, t, t - 4, t - 4);
    }

    static void sdiv(long[] s, int t) {
        U256Division.sdiv(s, t, t - 4, t - 4);
    }

    static void mod(long[] s, int t) {
        U256Division.mod(s, t, t - 4, t - 4);
    }

    static void smod(long[] s, int t) {
        U256Division.smod(s, t, t - 4, t - 4);
    }

    static void addmod(long[] s, int t) {
        U256Division.addmod(s, t, t - 4, t - 8, t - 8);
    }

    static void mulmod(long[] s, int t) {
        U256Division.mulmod(s, t, t - 4, t - 8, t - 8);
    }

    static void signExtend(long[] s, int t) {
        U256.signExtend(s, t, t - 4, t - 4);
    }

    static void lt(long[] s, int t) {
        U256.set(s, t - 4, U256.compare(s, t, t - 4) < 0 ? 1 : 0);
    }

    static void gt(long[] s, int t) {
        U256.set(s, t - 4, U256.compare(s, t, t - 4) > 0 ? 1 : 0);
    }

    static void slt(long[] s, int t) {
        U256.set(s, t - 4, U256.compareSigned(s, t, t - 4) < 0 ? 1 : 0);
    }

    static void sgt(long[] s, int t) {
        U256.set(s, t - 4, U256.compareSigned(s, t, t - 4) > 0 ? 1 : 0);
    }

    static void eq(long[] s, int t) {
        U256.set(s, t - 4, U256.equal(s, t, t - 4) ? 1 : 0);
    }

    static void isZero(long[] s, int t) {
        U256.set(s, t, U256.isZero(s, t) ? 1 : 0);
    }

    static void and(long[] s, int t) {
        s[t - 4] &= s[t];
        s[t - 3] &= s[t + 1];
        s[t - 2] &= s[t + 2];
        s[t - 1] &= s[t + 3];
    }

    static void or(long[] s, int t) {
        s[t - 4] |= s[t];
        s[t - 3] |= s[t + 1];
        s[t - 2] |= s[t + 2];
        s[t - 1] |= s[t + 3];
    }

    static void xor(long[] s, int t) {
        s[t - 4] ^= s[t];
        s[t - 3] ^= s[t + 1];
        s[t - 2] ^= s[t + 2];
        s[t - 1] ^= s[t + 3];
    }

    static void not(long[] s, int t) {
        s[t] = ~s[t];
        s[t + 1] = ~s[t + 1];
        s[t + 2] = ~s[t + 2];
        s[t + 3] = ~s[t + 3];
    }

    static void byteAt(long[] s, int t) {
        U256.set(s, t - 4, U256.byteAt(s, t, t - 4));
    }

    static void shl(long[] s, int t) {
        U256.shl(s, t, t - 4, t - 4);
    }

    static void shr(long[] s, int t) {
        U256.shr(s, t, t - 4, t - 4, false);
    }

    static void sar(long[] s, int t) {
        U256.shr(s, t, t - 4, t - 4, true);
    }

    /** PUSH9 to PUSH32: the limbs, least significant first (a one-limb PUSH, and PC, is {@link U256#set}). */
    static void push(long[] s, int n, long l0, long l1, long l2, long l3) {
        s[n] = l0;
        s[n + 1] = l1;
        s[n + 2] = l2;
        s[n + 3] = l3;
    }

    /** DUP: copies the word at {@code src} to {@code n}. */
    static void dup(long[] s, int n, int src) {
        s[n] = s[src];
        s[n + 1] = s[src + 1];
        s[n + 2] = s[src + 2];
        s[n + 3] = s[src + 3];
    }

    /** SWAP: exchanges the top word {@code t} with the word at {@code b}. */
    static void swap(long[] s, int t, int b) {
        long x0 = s[t], x1 = s[t + 1], x2 = s[t + 2], x3 = s[t + 3];
        s[t] = s[b];
        s[t + 1] = s[b + 1];
        s[t + 2] = s[b + 2];
        s[t + 3] = s[b + 3];
        s[b] = x0;
        s[b + 1] = x1;
        s[b + 2] = x2;
        s[b + 3] = x3;
    }

    /** PUSH of a constant offset, then MLOAD: the word at {@code off} goes to {@code n}. */
    static void mload(long[] s, int n, byte[] m, int off) {
        U256Bytes.fromBytes32(m, off, s, n);
    }

    /** PUSH of a constant offset, then MSTORE of the word below it, at {@code t}. */
    static void mstore(long[] s, int t, byte[] m, int off) {
        U256Bytes.toBytes(s, t, m, off);
    }

    /** PUSH of a constant offset, then MSTORE8 of the lowest byte of the word at {@code t}. */
    static void mstore8(long[] s, int t, byte[] m, int off) {
        m[off] = (byte) s[t];
    }
}

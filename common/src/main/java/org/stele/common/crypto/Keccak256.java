package org.stele.common.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * Keccak-256 as Ethereum uses it: Keccak[c=512] with the original 0x01 padding, not SHA3-256's 0x06.
 *
 * <p>
 * Written out by hand on {@code long} lanes because it is the hottest function of the node (trie nodes, EVM SHA3,
 * transaction and block hashes). One permutation, {@link #permute(long[])}, serves both forms: it runs the 24 rounds
 * unrolled on the 25 lanes held in local variables. The one-shot {@link #hash(byte[], int, int)} reads input eight
 * bytes at a time; {@link Hasher} is the incremental form for input that arrives in pieces. See
 * {@code docs/performance.md} for the comparison with BouncyCastle.
 */
public final class Keccak256 {
    /** Bytes absorbed per permutation: 1600 - 2 * 256 bits. */
    static final int RATE = 136;
    public static final int DIGEST_SIZE = 32;

    /**
     * Little-endian lanes read from a {@code byte[]} at any offset: one load each once compiled, which eight byte loads
     * are not (C2 merges adjacent stores, not loads). Each call site inlines the handle's {@code java.lang.invoke}
     * plumbing, parsed again by C2 in every method that inlines the hash, so only the two absorbing loops use it; the
     * digest is written with {@link #writeLane}.
     */
    private static final VarHandle LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long[] RC = {
            0x0000000000000001L,
            0x0000000000008082L,
            0x800000000000808AL,
            0x8000000080008000L,
            0x000000000000808BL,
            0x0000000080000001L,
            0x8000000080008081L,
            0x8000000000008009L,
            0x000000000000008AL,
            0x0000000000000088L,
            0x0000000080008009L,
            0x000000008000000AL,
            0x000000008000808BL,
            0x800000000000008BL,
            0x8000000000008089L,
            0x8000000000008003L,
            0x8000000000008002L,
            0x8000000000000080L,
            0x000000000000800AL,
            0x800000008000000AL,
            0x8000000080008081L,
            0x8000000000008080L,
            0x0000000080000001L,
            0x8000000080008008L
    };

    private Keccak256() {
    }

    public static byte[] hash(byte[] input) {
        return hash(input, 0, input.length);
    }

    public static byte[] hash(byte[] input, int offset, int length) {
        byte[] out = new byte[DIGEST_SIZE];
        hash(input, offset, length, out, 0);
        return out;
    }

    /** Hashes {@code input[offset, offset + length)} into {@code out[outOffset, outOffset + 32)}. */
    public static void hash(byte[] input, int offset, int length, byte[] out, int outOffset) {
        Objects.checkFromIndexSize(offset, length, input.length);
        Objects.checkFromIndexSize(outOffset, DIGEST_SIZE, out.length);
        long[] state = new long[25];
        int pos = offset;
        int end = offset + length;
        boolean last = false;
        while (!last) {
            if (end - pos >= RATE) {
                for (int lane = 0; lane < RATE / 8; lane++)
                    state[lane] ^= (long) LE.get(input, pos + 8 * lane);
                pos += RATE;
            } else {
                // The final block: the tail of the input, then 0x01 right after it and 0x80 in the block's last byte.
                for (int lane = 0; lane < RATE / 8; lane++)
                    state[lane] ^= lastLane(input, pos + 8 * lane, end, lane == RATE / 8 - 1);
                last = true;
            }
            permute(state);
        }
        for (int lane = 0; lane < DIGEST_SIZE / 8; lane++)
            writeLane(out, outOffset + 8 * lane, state[lane]);
    }

    /**
     * One lane as eight little-endian bytes: C2's MergeStores makes these one 8-byte store, as fast as a VarHandle's
     * and without its plumbing to parse.
     */
    private static void writeLane(byte[] out, int off, long v) {
        out[off] = (byte) v;
        out[off + 1] = (byte) (v >>> 8);
        out[off + 2] = (byte) (v >>> 16);
        out[off + 3] = (byte) (v >>> 24);
        out[off + 4] = (byte) (v >>> 32);
        out[off + 5] = (byte) (v >>> 40);
        out[off + 6] = (byte) (v >>> 48);
        out[off + 7] = (byte) (v >>> 56);
    }

    /**
     * One lane of the final (padded) block starting at {@code lanePos}: whatever input bytes remain before {@code end},
     * the 0x01 padding byte at {@code end} if it falls in this lane, and 0x80 in the top byte of the block's last lane.
     */
    private static long lastLane(byte[] in, int lanePos, int end, boolean lastOfBlock) {
        long v;
        int available = end - lanePos;
        if (available >= 8) {
            v = (long) LE.get(in, lanePos);
        } else {
            v = 0;
            for (int i = 0; i < available; i++)
                v |= (in[lanePos + i] & 0xFFL) << (8 * i);
            if (available >= 0)
                v ^= 0x01L << (8 * available);
        }
        if (lastOfBlock)
            v ^= 0x80L << 56;
        return v;
    }

    /** Keccak-f[1600] on a 25-lane state, lane (x, y) at index x + 5y. */
    static void permute(long[] s) {
        long a00 = s[0];
        long a10 = s[1];
        long a20 = s[2];
        long a30 = s[3];
        long a40 = s[4];
        long a01 = s[5];
        long a11 = s[6];
        long a21 = s[7];
        long a31 = s[8];
        long a41 = s[9];
        long a02 = s[10];
        long a12 = s[11];
        long a22 = s[12];
        long a32 = s[13];
        long a42 = s[14];
        long a03 = s[15];
        long a13 = s[16];
        long a23 = s[17];
        long a33 = s[18];
        long a43 = s[19];
        long a04 = s[20];
        long a14 = s[21];
        long a24 = s[22];
        long a34 = s[23];
        long a44 = s[24];
        for (int round = 0; round < 24; round++) {
            long c0 = a00 ^ a01 ^ a02 ^ a03 ^ a04;
            long c1 = a10 ^ a11 ^ a12 ^ a13 ^ a14;
            long c2 = a20 ^ a21 ^ a22 ^ a23 ^ a24;
            long c3 = a30 ^ a31 ^ a32 ^ a33 ^ a34;
            long c4 = a40 ^ a41 ^ a42 ^ a43 ^ a44;
            long d0 = c4 ^ Long.rotateLeft(c1, 1);
            long d1 = c0 ^ Long.rotateLeft(c2, 1);
            long d2 = c1 ^ Long.rotateLeft(c3, 1);
            long d3 = c2 ^ Long.rotateLeft(c4, 1);
            long d4 = c3 ^ Long.rotateLeft(c0, 1);
            long b00 = a00 ^ d0;
            long b13 = Long.rotateLeft(a01 ^ d0, 36);
            long b21 = Long.rotateLeft(a02 ^ d0, 3);
            long b34 = Long.rotateLeft(a03 ^ d0, 41);
            long b42 = Long.rotateLeft(a04 ^ d0, 18);
            long b02 = Long.rotateLeft(a10 ^ d1, 1);
            long b10 = Long.rotateLeft(a11 ^ d1, 44);
            long b23 = Long.rotateLeft(a12 ^ d1, 10);
            long b31 = Long.rotateLeft(a13 ^ d1, 45);
            long b44 = Long.rotateLeft(a14 ^ d1, 2);
            long b04 = Long.rotateLeft(a20 ^ d2, 62);
            long b12 = Long.rotateLeft(a21 ^ d2, 6);
            long b20 = Long.rotateLeft(a22 ^ d2, 43);
            long b33 = Long.rotateLeft(a23 ^ d2, 15);
            long b41 = Long.rotateLeft(a24 ^ d2, 61);
            long b01 = Long.rotateLeft(a30 ^ d3, 28);
            long b14 = Long.rotateLeft(a31 ^ d3, 55);
            long b22 = Long.rotateLeft(a32 ^ d3, 25);
            long b30 = Long.rotateLeft(a33 ^ d3, 21);
            long b43 = Long.rotateLeft(a34 ^ d3, 56);
            long b03 = Long.rotateLeft(a40 ^ d4, 27);
            long b11 = Long.rotateLeft(a41 ^ d4, 20);
            long b24 = Long.rotateLeft(a42 ^ d4, 39);
            long b32 = Long.rotateLeft(a43 ^ d4, 8);
            long b40 = Long.rotateLeft(a44 ^ d4, 14);
            a00 = b00 ^ (~b10 & b20) ^ RC[round];
            a10 = b10 ^ (~b20 & b30);
            a20 = b20 ^ (~b30 & b40);
            a30 = b30 ^ (~b40 & b00);
            a40 = b40 ^ (~b00 & b10);
            a01 = b01 ^ (~b11 & b21);
            a11 = b11 ^ (~b21 & b31);
            a21 = b21 ^ (~b31 & b41);
            a31 = b31 ^ (~b41 & b01);
            a41 = b41 ^ (~b01 & b11);
            a02 = b02 ^ (~b12 & b22);
            a12 = b12 ^ (~b22 & b32);
            a22 = b22 ^ (~b32 & b42);
            a32 = b32 ^ (~b42 & b02);
            a42 = b42 ^ (~b02 & b12);
            a03 = b03 ^ (~b13 & b23);
            a13 = b13 ^ (~b23 & b33);
            a23 = b23 ^ (~b33 & b43);
            a33 = b33 ^ (~b43 & b03);
            a43 = b43 ^ (~b03 & b13);
            a04 = b04 ^ (~b14 & b24);
            a14 = b14 ^ (~b24 & b34);
            a24 = b24 ^ (~b34 & b44);
            a34 = b34 ^ (~b44 & b04);
            a44 = b44 ^ (~b04 & b14);
        }
        s[0] = a00;
        s[1] = a10;
        s[2] = a20;
        s[3] = a30;
        s[4] = a40;
        s[5] = a01;
        s[6] = a11;
        s[7] = a21;
        s[8] = a31;
        s[9] = a41;
        s[10] = a02;
        s[11] = a12;
        s[12] = a22;
        s[13] = a32;
        s[14] = a42;
        s[15] = a03;
        s[16] = a13;
        s[17] = a23;
        s[18] = a33;
        s[19] = a43;
        s[20] = a04;
        s[21] = a14;
        s[22] = a24;
        s[23] = a34;
        s[24] = a44;
    }

    /** Starts an incremental hash. */
    public static Hasher hasher() {
        return new Hasher();
    }

    /**
     * Incremental Keccak-256 for input that arrives in pieces. Not thread-safe; {@link #digest()} resets it for reuse.
     */
    public static final class Hasher {
        private final long[] state = new long[25];
        private final byte[] block = new byte[RATE];
        private int buffered;

        private Hasher() {
        }

        public Hasher update(byte b) {
            block[buffered++] = b;
            if (buffered == RATE)
                absorbBlock(block, 0);
            return this;
        }

        public Hasher update(byte[] input) {
            return update(input, 0, input.length);
        }

        public Hasher update(byte[] input, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, input.length);
            int pos = offset;
            int end = offset + length;
            if (buffered > 0) {
                int n = Math.min(RATE - buffered, length);
                System.arraycopy(input, pos, block, buffered, n);
                buffered += n;
                pos += n;
                if (buffered < RATE)
                    return this;
                absorbBlock(block, 0);
            }
            while (end - pos >= RATE) {
                absorbBlock(input, pos);
                pos += RATE;
            }
            System.arraycopy(input, pos, block, 0, end - pos);
            buffered = end - pos;
            return this;
        }

        /** The hash of everything given since creation or the last digest; the hasher starts over afterwards. */
        public byte[] digest() {
            Arrays.fill(block, buffered, RATE, (byte) 0);
            block[buffered] ^= 0x01;
            block[RATE - 1] ^= (byte) 0x80;
            absorbBlock(block, 0);
            byte[] out = new byte[DIGEST_SIZE];
            for (int i = 0; i < 4; i++)
                writeLane(out, 8 * i, state[i]);
            Arrays.fill(state, 0);
            return out;
        }

        private void absorbBlock(byte[] in, int pos) {
            for (int i = 0; i < RATE / 8; i++)
                state[i] ^= (long) LE.get(in, pos + 8 * i);
            permute(state);
            buffered = 0;
        }
    }
}

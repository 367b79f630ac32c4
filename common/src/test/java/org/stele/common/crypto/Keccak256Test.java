package org.stele.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;
import org.stele.common.Hex;

class Keccak256Test {

    @Test
    void emptyInputHashesToTheWellKnownEmptyHash() {
        assertThat(Hex.encode(Keccak256.hash(new byte[0])))
                .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    }

    @Test
    void knownVectorsMatch() {
        assertThat(hex("abc")).isEqualTo("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
        assertThat(hex("The quick brown fox jumps over the lazy dog"))
                .isEqualTo("0x4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15");
        // The empty trie root is keccak(rlp("")) = keccak(0x80); the empty uncle hash is keccak(rlp([])) =
        // keccak(0xc0).
        assertThat(Hex.encode(Keccak256.hash(new byte[]{(byte) 0x80})))
                .isEqualTo("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
        assertThat(Hex.encode(Keccak256.hash(new byte[]{(byte) 0xc0})))
                .isEqualTo("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");
        // Solidity's event signature hash for Transfer(address,address,uint256).
        assertThat(hex("Transfer(address,address,uint256)"))
                .isEqualTo("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
    }

    @Test
    void aMillionAsMatchBouncyCastle() {
        byte[] input = new byte[1_000_000];
        Arrays.fill(input, (byte) 'a');
        assertThat(Keccak256.hash(input)).isEqualTo(reference(input, 0, input.length));
    }

    @Test
    void sliceHashesOnlyTheSlice() {
        byte[] padded = "xxabcyy".getBytes(StandardCharsets.US_ASCII);
        assertThat(Keccak256.hash(padded, 2, 3)).isEqualTo(Keccak256.hash("abc".getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[40];
        Keccak256.hash(padded, 2, 3, out, 4);
        assertThat(Arrays.copyOfRange(out, 4, 36)).isEqualTo(Keccak256.hash(padded, 2, 3));
    }

    @Test
    void outOfBoundsSlicesAreRejected() {
        assertThatThrownBy(() -> Keccak256.hash(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Keccak256.hash(new byte[4], -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Keccak256.hash(new byte[4], 0, 4, new byte[31], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** Every length from 0 to four blocks, so every position of the padding byte and every block boundary. */
    @Test
    void everyLengthUpToFourBlocksMatchesBouncyCastle() {
        byte[] input = new byte[4 * Keccak256.RATE + 1];
        for (int i = 0; i < input.length; i++)
            input[i] = (byte) (i * 31 + 7);
        for (int len = 0; len <= input.length; len++) {
            assertThat(Keccak256.hash(input, 0, len)).as("length %d", len).isEqualTo(reference(input, 0, len));
            assertThat(Keccak256.hash(input, input.length - len, len)).as("unaligned length %d", len)
                    .isEqualTo(reference(input, input.length - len, len));
        }
    }

    @Property(tries = 500)
    void randomInputsAroundTheRateMatchBouncyCastle(@ForAll("aroundTheRate") byte[] input,
            @ForAll @IntRange(max = 7) int offset) {
        byte[] shifted = new byte[input.length + offset];
        System.arraycopy(input, 0, shifted, offset, input.length);
        assertThat(Keccak256.hash(shifted, offset, input.length)).isEqualTo(reference(input, 0, input.length));
    }

    @Property(tries = 300)
    void incrementalHashingInAnyPiecesEqualsOneShot(@ForAll("aroundTheRate") byte[] input,
            @ForAll("pieces") int piece) {
        Keccak256.Hasher h = Keccak256.hasher();
        for (int pos = 0; pos < input.length; pos += piece) {
            if (piece == 1)
                h.update(input[pos]);
            else
                h.update(input, pos, Math.min(piece, input.length - pos));
        }
        assertThat(h.digest()).isEqualTo(Keccak256.hash(input));
    }

    @Test
    void hasherStartsOverAfterADigestAndTakesSingleBytes() {
        Keccak256.Hasher h = Keccak256.hasher();
        h.update("junk".getBytes(StandardCharsets.US_ASCII)).digest();
        for (byte b : "abc".getBytes(StandardCharsets.US_ASCII))
            h.update(b);
        assertThat(Hex.encode(h.digest())).isEqualTo(hex("abc"));
        assertThat(Hex.encode(h.digest()))
                .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    }

    /** Single bytes (the byte-wise update) a quarter of the time, else slices of up to two blocks. */
    @Provide
    Arbitrary<Integer> pieces() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(1)),
                Tuple.of(3, Arbitraries.integers().between(2, 2 * Keccak256.RATE + 1)));
    }

    @Provide
    Arbitrary<byte[]> aroundTheRate() {
        Arbitrary<Integer> lengths = Arbitraries.oneOf(Arbitraries.integers().between(0, 2 * Keccak256.RATE + 2),
                Arbitraries.of(Keccak256.RATE - 1, Keccak256.RATE, Keccak256.RATE + 1, 2 * Keccak256.RATE - 1,
                        2 * Keccak256.RATE, 3 * Keccak256.RATE),
                Arbitraries.integers().between(0, 5000));
        return lengths.flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    private static String hex(String ascii) {
        return Hex.encode(Keccak256.hash(ascii.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] reference(byte[] input, int offset, int length) {
        KeccakDigest d = new KeccakDigest(256);
        d.update(input, offset, length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}

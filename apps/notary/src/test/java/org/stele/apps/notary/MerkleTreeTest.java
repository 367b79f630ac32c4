package org.stele.apps.notary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/** The batch tree's rule (docs/notary.md), for both hash algorithms. */
class MerkleTreeTest {
    private static List<byte[]> hashes(HashAlgorithm a, int n, long seed) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(a.hash(("document " + seed + "/" + i).getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    @Property(tries = 60)
    void everyDocumentsPathLeadsToTheRoot(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll long seed,
            @ForAll boolean sm3) {
        HashAlgorithm a = sm3 ? HashAlgorithm.SM3 : HashAlgorithm.SHA_256;
        List<byte[]> docs = hashes(a, n, seed);
        MerkleTree tree = MerkleTree.build(a, docs);
        for (int i = 0; i < n; i++) {
            assertThat(MerkleTree.rootOf(a, docs.get(i), tree.path(i))).isEqualTo(tree.root());
            assertThat(tree.path(i)).extracting(MerkleTree.Step::side).isEqualTo(MerkleTree.sides(i, n));
        }
    }

    @Property(tries = 60)
    void anotherDocumentOrAnotherPlaceDoesNotLeadToTheRoot(@ForAll @IntRange(min = 2, max = 300) int n,
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 299) int pick) {
        HashAlgorithm a = HashAlgorithm.SHA_256;
        List<byte[]> docs = hashes(a, n, seed);
        MerkleTree tree = MerkleTree.build(a, docs);
        int i = pick % n;
        byte[] edited = docs.get(i).clone();
        edited[31] ^= 1;
        assertThat(MerkleTree.rootOf(a, edited, tree.path(i))).isNotEqualTo(tree.root());
        assertThat(MerkleTree.rootOf(a, docs.get((i + 1) % n), tree.path(i))).isNotEqualTo(tree.root());
    }

    @Test
    void aLeafIsHashedWithItsPrefixAndAnOddLastNodeMovesUpUnpaired() {
        HashAlgorithm a = HashAlgorithm.SHA_256;
        List<byte[]> docs = hashes(a, 3, 7);
        byte[][] leaf = new byte[3][];
        for (int i = 0; i < 3; i++) leaf[i] = a.hash(concat(new byte[]{0}, docs.get(i)));
        byte[] left = a.hash(concat(new byte[]{1}, leaf[0], leaf[1]));

        assertThat(MerkleTree.build(a, docs.subList(0, 1)).root()).isEqualTo(leaf[0]);
        assertThat(MerkleTree.build(a, docs).root()).isEqualTo(a.hash(concat(new byte[]{1}, left, leaf[2])));
        assertThat(MerkleTree.build(a, docs).path(2)).singleElement()
                .satisfies(s -> assertThat(s.side()).isEqualTo(MerkleTree.Side.LEFT));
    }

    @Test
    void batchesOfDifferentSizesHaveDifferentRootsEvenWhenOneRepeatsTheOthersLastHash() {
        HashAlgorithm a = HashAlgorithm.SHA_256;
        List<byte[]> three = hashes(a, 3, 1);
        List<byte[]> four = new ArrayList<>(three);
        four.add(three.get(2));
        assertThat(MerkleTree.build(a, three).root()).isNotEqualTo(MerkleTree.build(a, four).root());
    }

    @Test
    void theHashesAreTheStandardOnes() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(Numeric.toHexString(HashAlgorithm.SHA_256.hash(abc)))
                .isEqualTo("0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Numeric.toHexString(HashAlgorithm.SM3.hash(abc)))
                .isEqualTo("0x66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}

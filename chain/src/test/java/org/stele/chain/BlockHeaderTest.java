package org.stele.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Hex;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

class BlockHeaderTest {

    private static BlockHeader mainnetGenesis() {
        return BlockHeader.builder()
                .stateRoot(Bytes32.fromHex("0xd7f8974fb5ac78d9ac099b9ad5018bedc2ce0a72dad1827a1709da30580f0544"))
                .difficulty(BigInteger.valueOf(0x400000000L)).gasLimit(5000)
                .extraData(Bytes.fromHex("0x11bbe8db4e347b4e8c937c1c8370e4b5ed33adb3db69cbdb7a38e1e50b1b82fa"))
                .nonce(0x42).build();
    }

    @Test
    void mainnetGenesisHeaderHashesToTheKnownBlockHash() {
        assertThat(mainnetGenesis().keccakHash().toHex())
                .isEqualTo("0xd4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3");
    }

    @Test
    void mainnetGenesisHeaderSurvivesARoundTrip() {
        byte[] encoded = mainnetGenesis().encode();
        assertThat(BlockHeader.decode(encoded)).isEqualTo(mainnetGenesis());
        assertThat(mainnetGenesis().fieldCount()).isEqualTo(15);
    }

    @Test
    void cancunHeaderEncodesAllTwentyFields() {
        BlockHeader h = mainnetGenesis().toBuilder().baseFeePerGas(BigInteger.valueOf(7))
                .withdrawalsRoot(BlockHeader.EMPTY_TRIE_ROOT).blobGasUsed(131072).excessBlobGas(0)
                .parentBeaconBlockRoot(Bytes32.ZERO).build();
        RlpReader fields = RlpReader.list(h.encode());
        int n = 0;
        while (fields.hasNext()) {
            fields.skip();
            n++;
        }
        assertThat(n).isEqualTo(20);
        assertThat(BlockHeader.decode(h.encode())).isEqualTo(h);
    }

    @Test
    void optionalFieldsMustBeTrailing() {
        assertThatThrownBy(() -> BlockHeader.builder().withdrawalsRoot(Bytes32.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseFeePerGas is missing");
    }

    @Test
    void extraDataCanBeReplacedWithoutTouchingOtherFields() {
        BlockHeader h = mainnetGenesis().withExtraData(Bytes.fromHex("0xf86fa0"));
        assertThat(h.extraData()).isEqualTo(Bytes.fromHex("0xf86fa0"));
        assertThat(h.toBuilder().extraData(mainnetGenesis().extraData()).build()).isEqualTo(mainnetGenesis());
        assertThat(h.keccakHash()).isNotEqualTo(mainnetGenesis().keccakHash());
    }

    @Test
    void decodingRejectsANonceThatIsNotEightBytes() {
        byte[] encoded = reencodeWithField(14, new byte[]{0x42});
        assertThatThrownBy(() -> BlockHeader.decode(encoded)).isInstanceOf(RlpException.class)
                .hasMessageContaining("nonce must be 8 bytes");
    }

    @Test
    void decodingRejectsABloomThatIsNotTwoHundredFiftySixBytes() {
        byte[] encoded = reencodeWithField(6, new byte[255]);
        assertThatThrownBy(() -> BlockHeader.decode(encoded)).isInstanceOf(RlpException.class)
                .hasMessageContaining("logs bloom must be 256 bytes");
    }

    @Test
    void decodingRejectsTooFewFields() {
        RlpWriter w = new RlpWriter().startList();
        RlpReader fields = RlpReader.list(mainnetGenesis().encode());
        for (int i = 0; i < 14; i++)
            w.writeRaw(fields.readRaw());
        byte[] encoded = w.endList().toByteArray();
        assertThatThrownBy(() -> BlockHeader.decode(encoded)).isInstanceOf(RlpException.class);
    }

    @Test
    void decodingRejectsFieldsBeyondCancun() {
        BlockHeader h = mainnetGenesis().toBuilder().baseFeePerGas(BigInteger.ONE)
                .withdrawalsRoot(Bytes32.ZERO).blobGasUsed(0).excessBlobGas(0).parentBeaconBlockRoot(Bytes32.ZERO)
                .build();
        RlpWriter w = new RlpWriter().startList();
        RlpReader fields = RlpReader.list(h.encode());
        while (fields.hasNext())
            w.writeRaw(fields.readRaw());
        byte[] encoded = w.writeBytes(Bytes32.ZERO).endList().toByteArray();
        assertThatThrownBy(() -> BlockHeader.decode(encoded)).isInstanceOf(RlpException.class)
                .hasMessageContaining("more fields");
    }

    @Test
    void decodingRejectsTrailingBytesAndOversizedInput() {
        byte[] encoded = mainnetGenesis().encode();
        byte[] longer = java.util.Arrays.copyOf(encoded, encoded.length + 1);
        assertThatThrownBy(() -> BlockHeader.decode(longer)).isInstanceOf(RlpException.class);
        assertThatThrownBy(() -> BlockHeader.decode(new byte[BlockHeader.MAX_ENCODED_SIZE + 1]))
                .isInstanceOf(RlpException.class).hasMessageContaining("exceeds the limit");
    }

    @Property(tries = 300)
    void everyHeaderSurvivesARoundTrip(@ForAll("headers") BlockHeader h) {
        assertThat(BlockHeader.decode(h.encode())).isEqualTo(h);
        assertThat(h.encode()).isEqualTo(BlockHeader.decode(h.encode()).encode());
    }

    @Property(tries = 500)
    void decodingRandomBytesFailsOnlyWithRlpException(@ForAll byte[] junk) {
        try {
            BlockHeader.decode(junk);
        } catch (RlpException expected) {
            // the only failure allowed
        }
    }

    @Provide
    Arbitrary<BlockHeader> headers() {
        Arbitrary<Bytes32> hashes = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Bytes32::wrap);
        Arbitrary<Long> longs = Arbitraries.longs().between(0, Long.MAX_VALUE);
        Arbitrary<Bytes> extra = Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(Bytes::wrap);
        Arbitrary<Integer> optionalCount = Arbitraries.integers().between(0, 5);
        Arbitrary<BigInteger> big = Arbitraries.bigIntegers().between(BigInteger.ZERO,
                BigInteger.TWO.pow(256).subtract(BigInteger.ONE));
        Arbitrary<byte[]> addr = Arbitraries.bytes().array(byte[].class).ofSize(20);
        Arbitrary<byte[]> bloom = Arbitraries.bytes().array(byte[].class).ofSize(256);
        return Combinators.combine(hashes, addr, bloom, big, longs, extra, optionalCount, longs).as(
                (hash, a, b, d, n, x, k, nonce) -> {
                    BlockHeader.Builder builder = BlockHeader.builder().parentHash(hash).stateRoot(hash)
                            .coinbase(Address.wrap(a)).logsBloom(LogsBloom.wrap(b)).difficulty(d).number(n)
                            .gasLimit(n / 2).gasUsed(n / 3).timestamp(n / 5).extraData(x).nonce(-nonce);
                    if (k > 0)
                        builder.baseFeePerGas(d);
                    if (k > 1)
                        builder.withdrawalsRoot(hash);
                    if (k > 2)
                        builder.blobGasUsed(n);
                    if (k > 3)
                        builder.excessBlobGas(n / 7);
                    if (k > 4)
                        builder.parentBeaconBlockRoot(hash);
                    return builder.build();
                });
    }

    private static byte[] reencodeWithField(int index, byte[] replacement) {
        RlpReader fields = RlpReader.list(mainnetGenesis().encode());
        RlpWriter w = new RlpWriter().startList();
        for (int i = 0; fields.hasNext(); i++) {
            byte[] raw = fields.readRaw();
            if (i == index)
                w.writeBytes(replacement);
            else
                w.writeRaw(raw);
        }
        return w.endList().toByteArray();
    }

    @Test
    void hexOfTheEncodingStartsWithALongListPrefix() {
        assertThat(Hex.encode(mainnetGenesis().encode())).startsWith("0xf9021");
    }

    @Test
    void theFieldCountGrowsWithEachForksOptionalFields() {
        BlockHeader frontier = BlockHeader.builder().withoutOptionalFields().build();
        BlockHeader london = frontier.toBuilder().baseFeePerGas(BigInteger.ZERO).build();
        BlockHeader shanghai = london.toBuilder().withdrawalsRoot(Bytes32.ZERO).build();
        BlockHeader cancun = shanghai.toBuilder().blobGasUsed(0).excessBlobGas(0).parentBeaconBlockRoot(Bytes32.ZERO)
                .build();
        assertThat(frontier.fieldCount()).isEqualTo(15);
        assertThat(london.fieldCount()).isEqualTo(16);
        assertThat(shanghai.fieldCount()).isEqualTo(17);
        assertThat(cancun.fieldCount()).isEqualTo(20);
        for (BlockHeader h : java.util.List.of(frontier, london, shanghai, cancun)) {
            RlpReader fields = RlpReader.list(h.encode());
            int n = 0;
            for (; fields.hasNext(); n++)
                fields.skip();
            assertThat(n).isEqualTo(h.fieldCount());
        }
    }

    @Test
    void aMissingOptionalFieldIsNamedWhenALaterOneIsPresent() {
        assertThatThrownBy(() -> BlockHeader.builder().withoutOptionalFields().baseFeePerGas(BigInteger.ONE)
                .blobGasUsed(0).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("withdrawalsRoot is missing");
        assertThatThrownBy(() -> BlockHeader.builder().withoutOptionalFields().withdrawalsRoot(Bytes32.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseFeePerGas is missing");
    }

    @Test
    void aZeroBaseFeeIsABaseFeeAndANegativeOneIsNot() {
        assertThat(BlockHeader.builder().baseFeePerGas(BigInteger.ZERO).build().baseFeePerGas())
                .contains(BigInteger.ZERO);
        assertThatThrownBy(() -> BlockHeader.builder().baseFeePerGas(BigInteger.ONE.negate()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base fee must not be negative");
    }

    @Test
    void theHashOfTheKeccakSuiteIsTheKeccakHash() {
        BlockHeader h = BlockHeader.builder().number(3).build();
        assertThat(h.hash(org.stele.common.crypto.Secp256k1KeccakSuite.instance())).isEqualTo(h.keccakHash())
                .isNotEqualTo(BlockHeader.builder().number(4).build().keccakHash());
    }
}

package org.stele.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stele.chain.tx.TransactionDecoder;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionType;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Hex;
import org.stele.common.crypto.Keccak256;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpWriter;

class BlockTest {
    /** The signed transaction of EIP-155's example. */
    private static final Transaction EIP155 = TransactionDecoder
            .decode(Hex.decode("0xf86c098504a817c8008252089435353535"
                    + "35353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e"
                    + "1a15d3c71ff63e15906"
                    + "20aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"));
    /** A type-2 transaction from the TransactionTests fixtures (ttEIP1559/GasLimitPriceProductOverflowtMinusOne). */
    private static final Transaction TYPED = TransactionDecoder.decode(Hex.decode(
            "0x02f885018084773594009f02ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff82520894095e7b"
                    + "aea6a6c7c4c2dfeb977efac326af552d878080c080a05cbd172231fc0735e0fb994dd5b1a4939170a260b36f042"
                    + "7a8a80866"
                    + "b063b948a07c230f7f578dd61785c93361b9871c0706ebfa6d06e3f4491dc9558c5202ed36"));

    @Test
    void noItemsHaveTheEmptyTrieRoot() {
        assertThat(BlockBody.EMPTY.transactionsRoot(TrieRoots.INSTANCE)).isEqualTo(BlockHeader.EMPTY_TRIE_ROOT);
        assertThat(Receipt.root(List.of(), TrieRoots.INSTANCE)).isEqualTo(BlockHeader.EMPTY_TRIE_ROOT);
    }

    @Test
    void aSingleTransactionRootIsTheHashOfOneLeafKeyedByRlpOfZero() {
        // one leaf: [hex-prefix(nibbles of 0x80, leaf) = 0x2080, encoded transaction]
        byte[] leaf = new RlpWriter().startList().writeBytes(new byte[]{0x20, (byte) 0x80})
                .writeBytes(EIP155.encode()).endList().toByteArray();
        Bytes32 expected = Bytes32.wrap(Keccak256.hash(leaf));
        BlockBody body = new BlockBody(List.of(EIP155), List.of(), Optional.empty());
        assertThat(body.transactionsRoot(TrieRoots.INSTANCE)).isEqualTo(expected);
    }

    @Test
    void typedTransactionsEnterTheRootAsTheirEnvelope() {
        BlockBody body = new BlockBody(List.of(EIP155, TYPED), List.of(), Optional.empty());
        List<byte[]> seen = new java.util.ArrayList<>();
        body.transactionsRoot(items -> {
            seen.addAll(items);
            return Bytes32.ZERO;
        });
        assertThat(seen).containsExactly(EIP155.encode(), TYPED.encode());
        assertThat(seen.get(1)[0]).isEqualTo((byte) 0x02);
        assertThat(body.transactionsRoot(TrieRoots.INSTANCE)).isNotEqualTo(BlockHeader.EMPTY_TRIE_ROOT);
    }

    @Test
    void emptyOmmersHashToTheKnownConstant() {
        assertThat(BlockBody.EMPTY.ommersHash(org.stele.common.crypto.Secp256k1KeccakSuite.instance()))
                .isEqualTo(BlockHeader.EMPTY_OMMERS_HASH);
    }

    @Test
    void blocksSurviveARoundTripWithLegacyAndTypedTransactionsAndWithdrawals() {
        List<Withdrawal> withdrawals = List.of(new Withdrawal(0, 1, Address.fromHex("0x" + "aa".repeat(20)), 32),
                new Withdrawal(-1L, 2, Address.ZERO, 0));
        BlockBody body = new BlockBody(List.of(EIP155, TYPED), List.of(), Optional.of(withdrawals));
        BlockHeader header = BlockHeader.builder().number(7).gasLimit(30_000_000).baseFeePerGas(BigInteger.TEN)
                .transactionsRoot(body.transactionsRoot(TrieRoots.INSTANCE))
                .withdrawalsRoot(body.withdrawalsRoot(TrieRoots.INSTANCE).orElseThrow()).blobGasUsed(0)
                .excessBlobGas(0).parentBeaconBlockRoot(Bytes32.ZERO).build();
        Block block = new Block(header, body);
        Block decoded = Block.decode(block.encode());
        assertThat(decoded).isEqualTo(block);
        assertThat(decoded.encode()).isEqualTo(block.encode());
        assertThat(BlockBody.decode(body.encode())).isEqualTo(body);
    }

    @Test
    void preShanghaiBodiesHaveNoWithdrawalsField() {
        BlockBody body = new BlockBody(List.of(EIP155), List.of(BlockHeader.builder().build()), Optional.empty());
        assertThat(BlockBody.decode(body.encode())).isEqualTo(body);
        assertThat(body.withdrawalsRoot(TrieRoots.INSTANCE)).isEmpty();
    }

    @Test
    void aBlockWithAMalformedTransactionNamesItsIndex() {
        byte[] bad = new RlpWriter().startList().writeRaw(BlockHeader.builder().build().encode()).startList()
                .writeRaw(EIP155.encode()).writeBytes(new byte[]{0x05, (byte) 0xc0}).endList().startList().endList()
                .endList().toByteArray();
        assertThatThrownBy(() -> Block.decode(bad)).isInstanceOf(RlpException.class)
                .hasMessageContaining("transaction 1");
    }

    @Test
    void decodingRejectsBlocksAboveTheLimit() {
        byte[] encoded = new Block(BlockHeader.builder().build(), BlockBody.EMPTY).encode();
        assertThatThrownBy(() -> Block.decode(encoded, encoded.length - 1)).isInstanceOf(RlpException.class)
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    void receiptsSurviveARoundTripInEveryType() {
        Log log = new Log(Address.fromHex("0x" + "22".repeat(20)),
                List.of(Bytes32.ZERO, Bytes32.leftPad(new byte[]{7})),
                Bytes.fromHex("0x0102"));
        for (TransactionType type : List.of(TransactionType.LEGACY, TransactionType.ACCESS_LIST,
                TransactionType.FEE_MARKET)) {
            Receipt r = Receipt.of(type, true, 21000, List.of(log));
            Receipt decoded = Receipt.decode(r.encode());
            assertThat(decoded).isEqualTo(r);
            assertThat(decoded.bloomMatchesLogs()).isTrue();
            if (type != TransactionType.LEGACY)
                assertThat(r.encode()[0]).isEqualTo((byte) type.typeByte());
        }
        Receipt failed = Receipt.of(TransactionType.LEGACY, false, 0, List.of());
        assertThat(Hex.encode(failed.encode())).startsWith("0xf901068080b90100").endsWith("c0");
        assertThat(Receipt.decode(failed.encode())).isEqualTo(failed);
    }

    @Test
    void receiptListsWrapTypedReceiptsInAString() {
        Receipt legacy = Receipt.of(TransactionType.LEGACY, true, 21000, List.of());
        Receipt typed = Receipt.of(TransactionType.FEE_MARKET, false, 42000, List.of());
        RlpWriter w = new RlpWriter().startList();
        legacy.writeToList(w);
        typed.writeToList(w);
        org.stele.common.rlp.RlpReader r = org.stele.common.rlp.RlpReader.list(w.endList().toByteArray());
        assertThat(r.nextIsList()).isTrue();
        assertThat(Receipt.readFromList(r)).isEqualTo(legacy);
        assertThat(r.nextIsList()).isFalse();
        assertThat(Receipt.readFromList(r)).isEqualTo(typed);
        assertThat(r.hasNext()).isFalse();
    }

    @Test
    void receiptDecodingRejectsUnknownTypesAndOddStatuses() {
        byte[] typed = Receipt.of(TransactionType.FEE_MARKET, true, 1, List.of()).encode();
        typed[0] = 0x04;
        assertThatThrownBy(() -> Receipt.decode(typed)).isInstanceOf(RlpException.class)
                .hasMessageContaining("unsupported receipt type");
        byte[] stateRoot = new RlpWriter().startList().writeBytes(Bytes32.ZERO).writeLong(1)
                .writeBytes(new byte[256]).startList().endList().endList().toByteArray();
        assertThatThrownBy(() -> Receipt.decode(stateRoot)).isInstanceOf(RlpException.class)
                .hasMessageContaining("status must be 0 or 1");
    }

    @Test
    void theBlockBloomIsTheUnionOfItsReceiptBlooms() {
        Log a = new Log(Address.fromHex("0x" + "01".repeat(20)), List.of(), Bytes.EMPTY);
        Log b = new Log(Address.fromHex("0x" + "02".repeat(20)), List.of(), Bytes.EMPTY);
        LogsBloom block = Receipt.blockBloom(List.of(Receipt.of(TransactionType.LEGACY, true, 1, List.of(a)),
                Receipt.of(TransactionType.LEGACY, true, 2, List.of(b))));
        assertThat(block).isEqualTo(LogsBloom.of(List.of(a, b)));
    }

    @Test
    void aBlockBodyRefusesAnEmptyStringOrAWrappedListAsATransaction() {
        for (byte[] item : List.of(new byte[0], new byte[]{(byte) 0xc0}, new byte[]{(byte) 0xc1, 0x01})) {
            byte[] body = new RlpWriter().startList().startList().writeBytes(item).endList().startList().endList()
                    .endList().toByteArray();
            assertThatThrownBy(() -> BlockBody.decode(body)).as(Hex.encode(item)).isInstanceOf(RlpException.class)
                    .hasMessageContaining("transaction 0");
        }
        byte[] wrapped = new RlpWriter().startList().startList().writeBytes(new byte[]{(byte) 0xc0}).endList()
                .startList().endList().endList().toByteArray();
        assertThatThrownBy(() -> BlockBody.decode(wrapped)).isInstanceOf(RlpException.class)
                .hasMessageContaining("must not be wrapped");
    }

    @Test
    void aWithdrawalEncodesAsItsFourFieldsAndRefusesAFifth() {
        Withdrawal w = new Withdrawal(1, 2, Address.fromHex("0x" + "aa".repeat(20)), 32);
        byte[] encoded = w.encode();
        assertThat(Withdrawal.readFrom(org.stele.common.rlp.RlpReader.of(encoded))).isEqualTo(w);
        byte[] fifth = new RlpWriter().startList().writeLong(1).writeLong(2).writeBytes(w.address()).writeLong(32)
                .writeLong(5).endList().toByteArray();
        assertThatThrownBy(() -> Withdrawal.readFrom(org.stele.common.rlp.RlpReader.of(fifth)))
                .isInstanceOf(RlpException.class).hasMessageContaining("trailing");
    }

    @Test
    void aBlockIsNamedByItsHeadersHash() {
        Block block = new Block(BlockHeader.builder().number(9).build(), BlockBody.EMPTY);
        assertThat(block.hash(org.stele.common.crypto.Secp256k1KeccakSuite.instance()))
                .isEqualTo(block.header().keccakHash());
    }
}

package org.stele.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stele.chain.tx.AccessListEntry;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionDecoder;
import org.stele.chain.tx.TransactionType;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;

class TxBuilderTest {
    @Test
    void everyTypeIsSignedSoThatItsSenderIsTheKeysAddress() {
        for (TxBuilder b : List.of(TxBuilder.legacy(), TxBuilder.legacy().chainId(1337), TxBuilder.accessList(),
                TxBuilder.feeMarket(), TxBuilder.blob()))
            assertThat(b.nonce(3).signedBy(TestKeys.DEV_1).sender(TestKeys.SUITE))
                    .isEqualTo(TestKeys.address(TestKeys.DEV_1));
    }

    @Test
    void eachBuilderMakesItsOwnTypeAndTheDecoderReadsItBack() {
        var entry = new AccessListEntry(TestAccounts.ALICE, List.of(Bytes32.ZERO));
        List<Transaction> txs = List.of(TxBuilder.legacy().gasPrice(7).signedBy(TestKeys.DEV_0),
                TxBuilder.accessList().chainId(5).accessList(List.of(entry)).signedBy(TestKeys.DEV_0),
                TxBuilder.feeMarket().fees(100, 2).gasLimit(50_000).creation().data(Bytes.fromHex("0x6000"))
                        .signedBy(TestKeys.DEV_0));
        assertThat(txs).extracting(Transaction::type).containsExactly(TransactionType.LEGACY,
                TransactionType.ACCESS_LIST, TransactionType.FEE_MARKET);
        for (Transaction tx : txs)
            assertThat(TransactionDecoder.decode(tx.encode())).isEqualTo(tx);
        assertThat(TxBuilder.blob().unsigned().type()).isEqualTo(TransactionType.BLOB);
    }

    @Test
    void theDefaultsAreAPlainTransferToBob() {
        Transaction tx = TxBuilder.feeMarket().unsigned();
        assertThat(tx.to()).isEqualTo(Optional.of(TestAccounts.BOB));
        assertThat(tx.chainId()).contains(BigInteger.ONE);
        assertThat(tx.gasLimit()).isEqualTo(21_000);
        assertThat(tx.value()).isZero();
        assertThat(TxBuilder.legacy().unsigned().chainId()).isEmpty();
    }

    @Test
    void aLegacyTransactionWithAChainIdIsReplayProtected() {
        Transaction tx = TxBuilder.legacy().chainId(1337).signedBy(TestKeys.DEV_0);
        Transaction decoded = TransactionDecoder.decode(tx.encode());
        assertThat(decoded.chainId()).contains(BigInteger.valueOf(1337));
        assertThat(decoded.sender(TestKeys.SUITE)).isEqualTo(TestKeys.address(TestKeys.DEV_0));
    }

    @Test
    void aBlobTransactionCarriesItsBlobFeeAndVersionedHashes() {
        Bytes32 hash = Bytes32.fromHex("0x0100000000000000000000000000000000000000000000000000000000000002");
        var tx = (org.stele.chain.tx.BlobTransaction) TxBuilder.blob().blobs(BigInteger.TEN, List.of(hash))
                .unsigned();
        assertThat(tx.maxFeePerBlobGas()).isEqualTo(BigInteger.TEN);
        assertThat(tx.blobVersionedHashes()).containsExactly(hash);
    }
}

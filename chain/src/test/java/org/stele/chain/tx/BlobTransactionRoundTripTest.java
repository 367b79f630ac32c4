package org.stele.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stele.chain.tx.InvalidTransactionException.Reason;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Hex;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/**
 * EIP-4844 transactions as a block body carries them: built, signed, written into a body and read back field for
 * field with the sender recovered, while the pool's decoding path still refuses them.
 */
class BlobTransactionRoundTripTest {
    private static final CryptoSuite SUITE = Secp256k1KeccakSuite.instance();
    private static final KeyPair KEY = SUITE.keyPair(Hex.decode("0x" + "46".repeat(32)));
    private static final Address TO = Address.fromHex("0x00000000000000000000000000000000000000aa");

    private static BlobTransaction blob(Optional<Address> to) {
        return new BlobTransaction(BigInteger.valueOf(1337), 5, BigInteger.valueOf(2), BigInteger.valueOf(30), 50_000,
                to, BigInteger.TEN, Bytes.of((byte) 1, (byte) 2),
                List.of(new AccessListEntry(TO, List.of(Bytes32.leftPad(new byte[]{7})))), BigInteger.valueOf(3),
                List.of(Bytes32.leftPad(new byte[]{1, 9}), Bytes32.leftPad(new byte[]{1, 8})),
                TransactionSignature.UNSIGNED);
    }

    private static Transaction throughABody(Transaction tx) {
        RlpWriter w = new RlpWriter();
        TransactionDecoder.writeToBlockBody(w, tx);
        RlpReader r = RlpReader.of(w.toByteArray());
        Transaction back = TransactionDecoder.readFromBlockBody(r);
        r.requireEnd();
        return back;
    }

    @Test
    void aSignedBlobTransactionReadsBackFromABlockBodyWithEveryFieldAndItsSender() {
        BlobTransaction tx = (BlobTransaction) blob(Optional.of(TO)).sign(KEY, SUITE);

        Transaction back = throughABody(tx);

        assertThat(back).isEqualTo(tx);
        assertThat(back.type()).isEqualTo(TransactionType.BLOB);
        assertThat(back.encode()[0]).isEqualTo((byte) 0x03);
        assertThat(back.chainId()).contains(BigInteger.valueOf(1337));
        assertThat(back.hash(SUITE)).isEqualTo(tx.hash(SUITE));
        assertThat(back.sender(SUITE)).isEqualTo(SUITE.address(KEY.publicKey()));
        assertThat(((BlobTransaction) back).blobVersionedHashes()).hasSize(2);
        assertThat(back.signingPayload()).isEqualTo(tx.signingPayload());
        assertThat(tx.signingPayload()).isNotEqualTo(tx.encode());
        assertThat(blob(Optional.of(TO)).withSignature(tx.signature())).isEqualTo(tx);
    }

    @Test
    void aBlobTransactionWithoutARecipientStillDecodesSoThatExecutionCanRefuseIt() {
        Transaction back = throughABody(blob(Optional.empty()).sign(KEY, SUITE));
        assertThat(back.to()).isEmpty();
        assertThat(back.isContractCreation()).isTrue();
    }

    @Test
    void thePoolsDecodingPathRefusesABlobTransaction() {
        byte[] encoded = blob(Optional.of(TO)).sign(KEY, SUITE).encode();
        assertThatThrownBy(() -> TransactionDecoder.decode(encoded)).isInstanceOf(InvalidTransactionException.class)
                .extracting(e -> ((InvalidTransactionException) e).reason()).isEqualTo(Reason.BLOB_NOT_SUPPORTED);
    }

    @Test
    void blobFieldsOutOfRangeAreRefusedWhenTheTransactionIsBuilt() {
        BigInteger tooBig = BigInteger.TWO.pow(256);
        assertThatThrownBy(() -> new BlobTransaction(BigInteger.ONE, 0, BigInteger.ONE, BigInteger.ONE, 21_000,
                Optional.of(TO), BigInteger.ZERO, Bytes.EMPTY, List.of(), tooBig, List.of(),
                TransactionSignature.UNSIGNED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlobTransaction(tooBig, 0, BigInteger.ONE, BigInteger.ONE, 21_000,
                Optional.of(TO), BigInteger.ZERO, Bytes.EMPTY, List.of(), BigInteger.ONE, List.of(),
                TransactionSignature.UNSIGNED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlobTransaction(BigInteger.ONE, 0, tooBig, BigInteger.ONE, 21_000,
                Optional.of(TO), BigInteger.ZERO, Bytes.EMPTY, List.of(), BigInteger.ONE, List.of(),
                TransactionSignature.UNSIGNED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlobTransaction(BigInteger.ONE, 0, BigInteger.ONE, tooBig, 21_000,
                Optional.of(TO), BigInteger.ZERO, Bytes.EMPTY, List.of(), BigInteger.ONE, List.of(),
                TransactionSignature.UNSIGNED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlobTransaction(BigInteger.ONE, 0, BigInteger.ONE, BigInteger.ONE, 21_000,
                Optional.of(TO), tooBig, Bytes.EMPTY, List.of(), BigInteger.ONE, List.of(),
                TransactionSignature.UNSIGNED)).isInstanceOf(IllegalArgumentException.class);
    }
}

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
import org.stele.common.Fork;
import org.stele.common.Hex;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.common.crypto.KeyPair;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

class TransactionTest {
    private static final CryptoSuite SUITE = Secp256k1KeccakSuite.instance();
    private static final KeyPair KEY_46 = SUITE.keyPair(Hex.decode("0x" + "46".repeat(32)));

    /** The example of EIP-155 itself. */
    private static LegacyTransaction eip155Example() {
        return new LegacyTransaction(9, BigInteger.valueOf(20_000_000_000L), 21000,
                Optional.of(Address.fromHex("0x" + "35".repeat(20))), BigInteger.TEN.pow(18), Bytes.EMPTY,
                Optional.of(BigInteger.ONE), TransactionSignature.UNSIGNED);
    }

    @Test
    void eip155ExampleHasTheSigningDataAndHashOfTheEip() {
        LegacyTransaction tx = eip155Example();
        assertThat(Hex.encode(tx.signingPayload())).isEqualTo(
                "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080");
        assertThat(tx.signingHash(SUITE).toHex())
                .isEqualTo("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
    }

    @Test
    void eip155ExampleSignsToTheTransactionOfTheEip() {
        Transaction signed = eip155Example().sign(KEY_46, SUITE);
        assertThat(((LegacyTransaction) signed).v()).isEqualTo(BigInteger.valueOf(37));
        assertThat(Hex.encode(signed.encode())).isEqualTo("0xf86c098504a817c800825208943535353535353535353535353535"
                + "353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"
                + "a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83");
        assertThat(signed.sender(SUITE)).isEqualTo(SUITE.address(KEY_46.publicKey()));
        assertThat(signed.sender(SUITE).toHex()).isEqualTo("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f");
    }

    @Test
    void decodedEip155ExampleEqualsTheBuiltOne() {
        Transaction signed = eip155Example().sign(KEY_46, SUITE);
        assertThat(TransactionDecoder.decode(signed.encode())).isEqualTo(signed);
    }

    @Test
    void preEip155LegacyTransactionsUseVOf27Or28AndNoChainId() {
        LegacyTransaction unprotected = new LegacyTransaction(0, BigInteger.ONE, 21000, Optional.empty(),
                BigInteger.ZERO, Bytes.EMPTY, Optional.empty(), TransactionSignature.UNSIGNED);
        Transaction signed = unprotected.sign(KEY_46, SUITE);
        assertThat(((LegacyTransaction) signed).v().intValue()).isIn(27, 28);
        assertThat(RlpReader.list(signed.signingPayload())).satisfies(r -> {
            int n = 0;
            while (r.hasNext()) {
                r.skip();
                n++;
            }
            assertThat(n).isEqualTo(6);
        });
        assertThat(TransactionDecoder.decode(signed.encode()).sender(SUITE))
                .isEqualTo(SUITE.address(KEY_46.publicKey()));
    }

    @Test
    void feeMarketTransactionRoundTripsAndRecoversItsSender() {
        FeeMarketTransaction tx = new FeeMarketTransaction(BigInteger.valueOf(1337), 7, BigInteger.TWO,
                BigInteger.TEN, 100_000, Optional.of(Address.fromHex("0x" + "ab".repeat(20))), BigInteger.ONE,
                Bytes.fromHex("0xdeadbeef"),
                List.of(new AccessListEntry(Address.ZERO, List.of(Bytes32.ZERO, Bytes32.leftPad(new byte[]{1})))),
                TransactionSignature.UNSIGNED);
        Transaction signed = tx.sign(KEY_46, SUITE);
        byte[] encoded = signed.encode();
        assertThat(encoded[0]).isEqualTo((byte) 0x02);
        Transaction decoded = TransactionDecoder.decode(encoded);
        assertThat(decoded).isEqualTo(signed);
        assertThat(decoded.sender(SUITE)).isEqualTo(SUITE.address(KEY_46.publicKey()));
        new TransactionValidator(1337).validate(decoded, Fork.CANCUN);
    }

    @Test
    void aTransactionDecodedWithTheHashOfItsBytesKeepsThatHashRatherThanHashingAgain() {
        FeeMarketTransaction tx = new FeeMarketTransaction(BigInteger.valueOf(1337), 7, BigInteger.TWO,
                BigInteger.TEN, 100_000, Optional.of(Address.fromHex("0x" + "ab".repeat(20))), BigInteger.ONE,
                Bytes.fromHex("0xdeadbeef"), List.of(), TransactionSignature.UNSIGNED);
        byte[] encoded = tx.sign(KEY_46, SUITE).encode();
        Bytes32 hash = Bytes32.wrap(SUITE.hash(encoded));

        Transaction decoded = TransactionDecoder.decodeHashed(encoded, SUITE, hash);

        assertThat(decoded).isEqualTo(TransactionDecoder.decode(encoded));
        assertThat(decoded.hash(SUITE)).isSameAs(hash); // the very object given: not computed again
        assertThat(decoded.hash(SUITE)).isEqualTo(TransactionDecoder.decode(encoded).hash(SUITE));
        assertThat(decoded.encode()).isEqualTo(encoded);
    }

    @Test
    void effectiveGasPriceFollowsEip1559ForFeeMarketTransactionsOnly() {
        FeeMarketTransaction tx = new FeeMarketTransaction(BigInteger.ONE, 0, BigInteger.valueOf(2),
                BigInteger.valueOf(10), 21000, Optional.of(Address.ZERO), BigInteger.ZERO, Bytes.EMPTY, List.of(),
                TransactionSignature.UNSIGNED);
        assertThat(tx.effectiveGasPrice(BigInteger.valueOf(5))).isEqualTo(BigInteger.valueOf(7));
        assertThat(tx.effectiveGasPrice(BigInteger.valueOf(9))).isEqualTo(BigInteger.valueOf(10));
        assertThat(tx.effectivePriorityFee(BigInteger.valueOf(9))).isEqualTo(BigInteger.ONE);
        assertThat(eip155Example().effectiveGasPrice(BigInteger.ONE)).isEqualTo(BigInteger.valueOf(20_000_000_000L));
        assertThat(eip155Example().effectivePriorityFee(BigInteger.ONE))
                .isEqualTo(BigInteger.valueOf(19_999_999_999L));
    }

    @Test
    void intrinsicGasCountsDataAccessListAndInitCodeWords() {
        AccessListTransaction create = new AccessListTransaction(BigInteger.ONE, 0, BigInteger.ONE, 1_000_000,
                Optional.empty(), BigInteger.ZERO, Bytes.wrap(new byte[]{0, 0, 1, 2, 3}),
                List.of(new AccessListEntry(Address.ZERO, List.of(Bytes32.ZERO))), TransactionSignature.UNSIGNED);
        long expected = 21000 + 32000 + 2 * 4 + 3 * 16 + 2400 + 1900 + 2 * 1;
        assertThat(IntrinsicGas.of(create, Fork.CANCUN)).isEqualTo(expected);
        assertThat(IntrinsicGas.of(create, Fork.BERLIN)).isEqualTo(expected - 2);
    }

    @Test
    void pragueAppliesTheCalldataFloorOfEip7623() {
        LegacyTransaction tx = new LegacyTransaction(0, BigInteger.ONE, 21000, Optional.of(Address.ZERO),
                BigInteger.ZERO, Bytes.wrap(new byte[100]), Optional.empty(), TransactionSignature.UNSIGNED);
        assertThat(IntrinsicGas.of(tx, Fork.PRAGUE)).isEqualTo(21000 + 400);
        assertThat(IntrinsicGas.minimumGasLimit(tx, Fork.PRAGUE)).isEqualTo(21000 + 1000);
        assertThat(IntrinsicGas.minimumGasLimit(tx, Fork.CANCUN)).isEqualTo(21000 + 400);
    }

    @Test
    void validatorRejectsAWrongChainId() {
        Transaction signed = eip155Example().sign(KEY_46, SUITE);
        assertThatThrownBy(() -> new TransactionValidator(5).validate(signed, Fork.CANCUN))
                .isInstanceOfSatisfying(InvalidTransactionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CHAIN_ID));
    }

    @Test
    void validatorRejectsTypesBeforeTheirFork() {
        Transaction tx = new FeeMarketTransaction(BigInteger.ONE, 0, BigInteger.ONE, BigInteger.ONE, 21000,
                Optional.of(Address.ZERO), BigInteger.ZERO, Bytes.EMPTY, List.of(), TransactionSignature.UNSIGNED)
                .sign(KEY_46, SUITE);
        assertThatThrownBy(() -> new TransactionValidator(1).validate(tx, Fork.BERLIN))
                .isInstanceOfSatisfying(InvalidTransactionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_NOT_ACTIVE));
    }

    @Test
    void validatorRejectsInitCodeAboveTheEip3860LimitFromShanghai() {
        Transaction tx = new LegacyTransaction(0, BigInteger.ONE, 30_000_000, Optional.empty(), BigInteger.ZERO,
                Bytes.wrap(new byte[49153]), Optional.empty(), TransactionSignature.UNSIGNED).sign(KEY_46, SUITE);
        new TransactionValidator(1).validate(tx, Fork.PARIS);
        assertThatThrownBy(() -> new TransactionValidator(1).validate(tx, Fork.SHANGHAI))
                .isInstanceOfSatisfying(InvalidTransactionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INIT_CODE_TOO_LARGE));
    }

    @Test
    void blobTransactionsAreRejectedWithAClearMessage() {
        byte[] blob = typedList(0x03, 14);
        assertThatThrownBy(() -> TransactionDecoder.decode(blob))
                .isInstanceOfSatisfying(InvalidTransactionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BLOB_NOT_SUPPORTED))
                .hasMessage("blob transactions (EIP-4844, type 3) are not supported");
    }

    @Test
    void setCodeTransactionsAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> TransactionDecoder.decode(typedList(0x04, 13)))
                .isInstanceOfSatisfying(InvalidTransactionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SET_CODE_NOT_SUPPORTED))
                .hasMessageContaining("EIP-7702");
    }

    @Test
    void malformedBlobTransactionsAreMalformedBeforeTheyAreUnsupported() {
        assertThatThrownBy(() -> TransactionDecoder.decode(new byte[]{0x03, (byte) 0xc5, 1}))
                .isInstanceOfSatisfying(InvalidTransactionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void unknownTypesAreRejected() {
        assertThatThrownBy(() -> TransactionDecoder.decode(typedList(0x05, 3)))
                .isInstanceOfSatisfying(InvalidTransactionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_TYPE))
                .hasMessageContaining("0x05");
    }

    @Test
    void decodingRejectsInputAboveTheSizeLimitBeforeParsing() {
        assertThatThrownBy(() -> TransactionDecoder.decode(new byte[2000], 1000))
                .isInstanceOfSatisfying(InvalidTransactionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void blockBodyFormWrapsTypedTransactionsInAString() {
        Transaction typed = new AccessListTransaction(BigInteger.ONE, 1, BigInteger.ONE, 21000,
                Optional.of(Address.ZERO), BigInteger.ZERO, Bytes.EMPTY, List.of(), TransactionSignature.UNSIGNED)
                .sign(KEY_46, SUITE);
        Transaction legacy = eip155Example().sign(KEY_46, SUITE);
        RlpWriter w = new RlpWriter().startList();
        TransactionDecoder.writeToBlockBody(w, typed);
        TransactionDecoder.writeToBlockBody(w, legacy);
        RlpReader r = RlpReader.list(w.endList().toByteArray());
        assertThat(r.nextIsList()).isFalse();
        assertThat(TransactionDecoder.readFromBlockBody(r)).isEqualTo(typed);
        assertThat(r.nextIsList()).isTrue();
        assertThat(TransactionDecoder.readFromBlockBody(r)).isEqualTo(legacy);
    }

    private static byte[] typedList(int type, int fields) {
        RlpWriter w = new RlpWriter().startList();
        for (int i = 0; i < fields; i++)
            w.writeLong(i);
        byte[] list = w.endList().toByteArray();
        byte[] out = new byte[list.length + 1];
        out[0] = (byte) type;
        System.arraycopy(list, 0, out, 1, list.length);
        return out;
    }
}

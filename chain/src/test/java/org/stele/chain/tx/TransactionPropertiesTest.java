package org.stele.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.common.crypto.KeyPair;

class TransactionPropertiesTest {
    private static final CryptoSuite SUITE = Secp256k1KeccakSuite.instance();
    private static final BigInteger MAX_256 = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    @Property(tries = 300)
    void everyTransactionSurvivesAnEncodeDecodeRoundTrip(@ForAll("transactions") Transaction tx) {
        byte[] encoded = tx.encode();
        Transaction decoded = TransactionDecoder.decode(encoded);
        assertThat(decoded).isEqualTo(tx);
        assertThat(reencoded(decoded)).isEqualTo(encoded);
    }

    @Property(tries = 300)
    void aDecodedTransactionKeepsItsBytesAndHashesThemOnceWithoutChangingItsValue(
            @ForAll("transactions") Transaction tx) {
        byte[] raw = tx.encode();
        Transaction decoded = TransactionDecoder.decode(raw);
        Bytes32 hash = decoded.hash(SUITE);
        assertThat(hash).isEqualTo(Bytes32.wrap(SUITE.hash(raw))).isEqualTo(tx.hash(SUITE));
        assertThat(decoded.hash(SUITE)).isSameAs(hash);
        raw[raw.length - 1] ^= 1;
        byte[] handedOut = decoded.encode();
        handedOut[0] ^= 1;
        assertThat(decoded.encode()).isEqualTo(reencoded(tx));
        assertThat(decoded.hash(SUITE)).isEqualTo(tx.hash(SUITE));
        assertThat(decoded).isEqualTo(tx).hasSameHashCodeAs(tx);
        assertThat(decoded.hash(org.stele.common.crypto.Sm2Sm3Suite.instance()))
                .isEqualTo(Bytes32.wrap(org.stele.common.crypto.Sm2Sm3Suite.instance().hash(reencoded(tx))));
    }

    @Property(tries = 100)
    void signedTransactionsRecoverTheirSigner(@ForAll("transactions") Transaction tx,
            @ForAll("privateKeys") byte[] privateKey) {
        KeyPair key = SUITE.keyPair(privateKey);
        Transaction signed = tx.sign(key, SUITE);
        Transaction decoded = TransactionDecoder.decode(signed.encode());
        assertThat(decoded.sender(SUITE)).isEqualTo(SUITE.address(key.publicKey()));
        assertThat(decoded.hash(SUITE)).isEqualTo(signed.hash(SUITE));
    }

    @Property(tries = 500)
    void aDecodedTransactionsSigningPayloadCutFromItsBytesIsTheOneItsFieldsEncodeTo(
            @ForAll("transactions") Transaction tx) {
        Transaction decoded = TransactionDecoder.decode(tx.encode());
        // withSignature gives an object that has no bytes to cut from: it encodes its fields
        assertThat(decoded.signingPayload()).isEqualTo(tx.withSignature(tx.signature()).signingPayload());
        assertThat(decoded.signingHash(SUITE)).isEqualTo(tx.signingHash(SUITE));
    }

    /** Payloads of every length around 55 bytes, where the list header grows from one byte to two. */
    @Property(generation = net.jqwik.api.GenerationMode.EXHAUSTIVE)
    void aSigningPayloadCutFromTheBytesHasTheRightListHeaderAtEveryLength(
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 90) int dataLength, @ForAll boolean eip155) {
        Transaction tx = new LegacyTransaction(1, BigInteger.ONE, 21_000,
                Optional.of(Address.fromHex("0x00000000000000000000000000000000000000aa")), BigInteger.ZERO,
                Bytes.wrap(new byte[dataLength]), eip155 ? Optional.of(BigInteger.ONE) : Optional.empty(),
                new TransactionSignature(0, BigInteger.ONE, BigInteger.ONE));
        Transaction decoded = TransactionDecoder.decode(tx.encode());
        assertThat(decoded.signingPayload()).isEqualTo(tx.signingPayload());
    }

    @Property(tries = 50)
    void aTransactionKeepsTheSenderItRecoveredForThatSuiteOnly(@ForAll("transactions") Transaction tx,
            @ForAll("privateKeys") byte[] privateKey) {
        KeyPair key = SUITE.keyPair(privateKey);
        Transaction decoded = TransactionDecoder.decode(tx.sign(key, SUITE).encode());
        assertThat(decoded.recoveredSender(SUITE)).isEmpty();

        Address sender = decoded.sender(SUITE);

        assertThat(sender).isEqualTo(SUITE.address(key.publicKey()));
        assertThat(decoded.recoveredSender(SUITE)).contains(sender);
        assertThat(decoded.sender(SUITE)).isSameAs(sender);
        assertThat(decoded.recoveredSender(org.stele.common.crypto.Sm2Sm3Suite.instance())).isEmpty();
        // another signature is another transaction, whose sender is recovered afresh
        assertThat(decoded.withSignature(decoded.signature()).recoveredSender(SUITE)).isEmpty();
    }

    @Property(tries = 2000)
    void decodingRandomBytesFailsOnlyWithInvalidTransaction(@ForAll byte[] junk) {
        Transaction decoded;
        try {
            decoded = TransactionDecoder.decode(junk);
        } catch (InvalidTransactionException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        // whatever the decoder accepts is a canonical encoding: it reads back byte for byte
        assertThat(reencoded(decoded)).isEqualTo(junk);
    }

    @Property(tries = 1000)
    void corruptingOneByteOfAValidTransactionFailsOnlyWithInvalidTransaction(
            @ForAll("transactions") Transaction tx, @ForAll int position, @ForAll byte replacement) {
        byte[] original = tx.encode();
        byte[] encoded = original.clone();
        encoded[Math.floorMod(position, encoded.length)] = replacement;
        Transaction decoded;
        try {
            decoded = TransactionDecoder.decode(encoded);
            new TransactionValidator(1).validate(decoded, org.stele.common.Fork.CANCUN);
        } catch (InvalidTransactionException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        // a corruption that still decodes is another transaction, and encodes to exactly the corrupted bytes
        assertThat(reencoded(decoded)).isEqualTo(encoded);
        if (!java.util.Arrays.equals(encoded, original))
            assertThat(decoded).isNotEqualTo(tx);
    }

    /** The encoding written afresh from the fields, not the bytes a decoded transaction keeps. */
    private static byte[] reencoded(Transaction tx) {
        return tx.withSignature(tx.signature()).encode();
    }

    @Provide
    Arbitrary<byte[]> privateKeys() {
        return Arbitraries.bigIntegers()
                .between(BigInteger.ONE, TransactionValidator.SECP256K1_N.subtract(BigInteger.ONE))
                .map(k -> Bytes32.leftPad(unsigned(k)).toArray());
    }

    @Provide
    Arbitrary<Transaction> transactions() {
        Arbitrary<BigInteger> u256 = Arbitraries.bigIntegers().between(BigInteger.ZERO, MAX_256)
                .edgeCases(c -> c.add(BigInteger.ZERO, MAX_256));
        Arbitrary<Long> u64 = Arbitraries.longs();
        Arbitrary<Optional<Address>> to = Arbitraries.bytes().array(byte[].class).ofSize(20)
                .map(b -> Optional.of(Address.wrap(b))).injectNull(0.2).map(o -> o == null ? Optional.empty() : o);
        Arbitrary<Bytes> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(Bytes::wrap);
        Arbitrary<List<AccessListEntry>> accessList = Combinators
                .combine(Arbitraries.bytes().array(byte[].class).ofSize(20),
                        Arbitraries.bytes().array(byte[].class).ofSize(32).map(Bytes32::wrap).list().ofMaxSize(3))
                .as((a, keys) -> new AccessListEntry(Address.wrap(a), keys)).list().ofMaxSize(3);
        Arbitrary<TransactionSignature> sig = Combinators.combine(Arbitraries.integers().between(0, 1), u256, u256)
                .as(TransactionSignature::new);
        Arbitrary<Optional<BigInteger>> legacyChainId = Arbitraries.bigIntegers()
                .between(BigInteger.ZERO, LegacyTransaction.MAX_CHAIN_ID).map(Optional::of).injectNull(0.3)
                .map(o -> o == null ? Optional.empty() : o);
        Arbitrary<Transaction> legacy = Combinators.combine(u64, u256, u64, to, u256, data, legacyChainId, sig)
                .as((n, p, g, t, v, d, c, s) -> new LegacyTransaction(n, p, g, t, v, d, c, s));
        Arbitrary<Transaction> accessListTx = Combinators.combine(u256, u64, u256, u64, to, u256, data, accessList)
                .flatAs((c, n, p, g, t, v, d, al) -> sig
                        .map(s -> new AccessListTransaction(c, n, p, g, t, v, d, al, s)));
        Arbitrary<Transaction> feeMarket = Combinators.combine(u256, u64, u256, u256, u64, to, u256, data)
                .flatAs((c, n, tip, cap, g, t, v, d) -> Combinators.combine(accessList, sig)
                        .as((al, s) -> new FeeMarketTransaction(c, n, tip, cap, g, t, v, d, al, s)));
        return Arbitraries.oneOf(legacy, accessListTx, feeMarket);
    }

    private static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b[0] == 0 && b.length > 1 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }
}

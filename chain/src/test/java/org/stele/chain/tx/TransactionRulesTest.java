package org.stele.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stele.chain.tx.InvalidTransactionException.Reason;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Fork;
import org.stele.common.Hex;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/**
 * The validator's rules and the decoder's strictness one by one, for each transaction type and at the boundaries
 * where a check's comparison could be off by one.
 */
class TransactionRulesTest {
    private static final CryptoSuite SUITE = Secp256k1KeccakSuite.instance();
    private static final KeyPair KEY = SUITE.keyPair(Hex.decode("0x" + "46".repeat(32)));
    private static final BigInteger N = TransactionValidator.SECP256K1_N;
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final BigInteger TWO_POW_256 = BigInteger.TWO.pow(256);
    private static final TransactionValidator CHAIN_7 = new TransactionValidator(7);

    private static AccessListTransaction accessList(long chainId) {
        return new AccessListTransaction(BigInteger.valueOf(chainId), 0, BigInteger.ONE, 21_000,
                Optional.of(Address.ZERO), BigInteger.ZERO, Bytes.EMPTY, List.of(), TransactionSignature.UNSIGNED);
    }

    private static FeeMarketTransaction feeMarket(long chainId) {
        return new FeeMarketTransaction(BigInteger.valueOf(chainId), 0, BigInteger.ONE, BigInteger.TWO, 21_000,
                Optional.of(Address.ZERO), BigInteger.ZERO, Bytes.EMPTY, List.of(), TransactionSignature.UNSIGNED);
    }

    private static LegacyTransaction legacy(Bytes data, long gasLimit) {
        return new LegacyTransaction(0, BigInteger.ONE, gasLimit, Optional.of(Address.ZERO), BigInteger.ZERO, data,
                Optional.of(BigInteger.valueOf(7)), TransactionSignature.UNSIGNED);
    }

    private static void assertRefused(Runnable check, Reason reason) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(InvalidTransactionException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void accessListTransactionsForAnotherChainAreRefusedAndThoseForThisChainPass() {
        Transaction own = accessList(7).sign(KEY, SUITE);
        Transaction other = accessList(8).sign(KEY, SUITE);
        assertThatCode(() -> CHAIN_7.validate(own, Fork.CANCUN)).doesNotThrowAnyException();
        assertRefused(() -> CHAIN_7.validate(other, Fork.CANCUN), Reason.INVALID_CHAIN_ID);
    }

    @Test
    void feeMarketTransactionsForAnotherChainAreRefusedAndThoseForThisChainPass() {
        Transaction own = feeMarket(7).sign(KEY, SUITE);
        Transaction other = feeMarket(6).sign(KEY, SUITE);
        assertThatCode(() -> CHAIN_7.validate(own, Fork.CANCUN)).doesNotThrowAnyException();
        assertRefused(() -> CHAIN_7.validate(other, Fork.CANCUN), Reason.INVALID_CHAIN_ID);
    }

    @Test
    void eip155LegacyTransactionsAreRefusedBeforeSpuriousDragonAndAcceptedFromIt() {
        Transaction tx = legacy(Bytes.EMPTY, 21_000).sign(KEY, SUITE);
        assertRefused(() -> CHAIN_7.validate(tx, Fork.HOMESTEAD), Reason.INVALID_CHAIN_ID);
        assertThatCode(() -> CHAIN_7.validate(tx, Fork.SPURIOUS_DRAGON)).doesNotThrowAnyException();
    }

    @Test
    void typedEnvelopesWithOneFieldTooManyAreRefused() {
        for (Transaction tx : List.<Transaction>of(accessList(7).sign(KEY, SUITE), feeMarket(7).sign(KEY, SUITE))) {
            byte[] encoded = tx.encode();
            assertThat(TransactionDecoder.decode(encoded)).isEqualTo(tx);
            assertRefused(() -> TransactionDecoder.decode(withExtraField(encoded)), Reason.MALFORMED);
        }
    }

    @Test
    void typedEnvelopesWithBytesAfterTheirListAreRefused() {
        for (Transaction tx : List.<Transaction>of(accessList(7).sign(KEY, SUITE), feeMarket(7).sign(KEY, SUITE))) {
            byte[] encoded = tx.encode();
            byte[] trailing = Arrays.copyOf(encoded, encoded.length + 1);
            assertRefused(() -> TransactionDecoder.decode(trailing), Reason.MALFORMED);
        }
    }

    @Test
    void legacyTransactionsWithOneFieldTooManyAreRefused() {
        byte[] encoded = legacy(Bytes.EMPTY, 21_000).sign(KEY, SUITE).encode();
        RlpReader fields = RlpReader.list(encoded);
        RlpWriter w = new RlpWriter().startList();
        while (fields.hasNext())
            w.writeRaw(fields.readRaw());
        byte[] longer = w.writeLong(0).endList().toByteArray();
        assertRefused(() -> TransactionDecoder.decode(longer), Reason.MALFORMED);
    }

    /** {@code encoded} (a typed envelope) with a zero appended to its field list. */
    private static byte[] withExtraField(byte[] encoded) {
        RlpReader fields = RlpReader.list(Arrays.copyOfRange(encoded, 1, encoded.length));
        RlpWriter w = new RlpWriter().startList();
        while (fields.hasNext())
            w.writeRaw(fields.readRaw());
        byte[] list = w.writeLong(0).endList().toByteArray();
        byte[] out = new byte[list.length + 1];
        out[0] = encoded[0];
        System.arraycopy(list, 0, out, 1, list.length);
        return out;
    }

    @Test
    void theEip7623FloorCountsANonZeroByteAsFourTokens() {
        // 10 non-zero bytes: intrinsic 21000 + 160, floor 21000 + 10 * 4 * 10 = 21400
        Bytes data = Bytes.wrap(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThat(IntrinsicGas.of(legacy(data, 0), Fork.PRAGUE)).isEqualTo(21_160);
        assertThat(IntrinsicGas.minimumGasLimit(legacy(data, 0), Fork.PRAGUE)).isEqualTo(21_400);
        assertThat(IntrinsicGas.minimumGasLimit(legacy(data, 0), Fork.CANCUN)).isEqualTo(21_160);
    }

    @Test
    void theEip7623FloorCountsZeroAndNonZeroBytesApart() {
        // 3 zero and 2 non-zero bytes: 3 + 8 = 11 tokens, floor 21110; intrinsic 21000 + 12 + 32 = 21044
        Bytes data = Bytes.wrap(new byte[]{0, 5, 0, 0, (byte) 0xff});
        assertThat(IntrinsicGas.minimumGasLimit(legacy(data, 0), Fork.PRAGUE)).isEqualTo(21_110);
    }

    @Test
    void theIntrinsicGasWinsOverTheFloorWhenItIsHigher() {
        // a creation: 21000 + 32000 + 16 + 2 (one init-code word) is far above the floor of 21040
        LegacyTransaction create = new LegacyTransaction(0, BigInteger.ONE, 0, Optional.empty(), BigInteger.ZERO,
                Bytes.wrap(new byte[]{1}), Optional.empty(), TransactionSignature.UNSIGNED);
        assertThat(IntrinsicGas.minimumGasLimit(create, Fork.PRAGUE)).isEqualTo(53_018);
    }

    @Test
    void aGasLimitExactlyAtTheFloorIsAcceptedAndOneBelowRefused() {
        Bytes data = Bytes.wrap(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        Transaction atFloor = legacy(data, 21_400).sign(KEY, SUITE);
        Transaction below = legacy(data, 21_399).sign(KEY, SUITE);
        assertThatCode(() -> CHAIN_7.validate(atFloor, Fork.PRAGUE)).doesNotThrowAnyException();
        assertRefused(() -> CHAIN_7.validate(below, Fork.PRAGUE), Reason.INTRINSIC_GAS_TOO_LOW);
        assertThatCode(() -> CHAIN_7.validate(below, Fork.CANCUN)).doesNotThrowAnyException();
    }

    private static Transaction signedWith(BigInteger r, BigInteger s) {
        return legacy(Bytes.EMPTY, 21_000).withSignature(new TransactionSignature(0, r, s));
    }

    @Test
    void rEqualToTheCurveOrderIsRefusedAndOneBelowItPassesTheRangeCheck() {
        assertRefused(() -> CHAIN_7.validate(signedWith(N, BigInteger.ONE), Fork.CANCUN), Reason.INVALID_SIGNATURE);
        assertThatCode(() -> CHAIN_7.validate(signedWith(N.subtract(BigInteger.ONE), BigInteger.ONE), Fork.CANCUN))
                .doesNotThrowAnyException();
    }

    @Test
    void sEqualToTheCurveOrderIsRefusedEvenBeforeHomestead() {
        assertRefused(() -> CHAIN_7.validate(unprotected(BigInteger.ONE, N), Fork.FRONTIER),
                Reason.INVALID_SIGNATURE);
        assertThatCode(() -> CHAIN_7.validate(unprotected(BigInteger.ONE, N.subtract(BigInteger.ONE)), Fork.FRONTIER))
                .doesNotThrowAnyException();
    }

    @Test
    void zeroROrZeroSIsRefused() {
        assertRefused(() -> CHAIN_7.validate(signedWith(BigInteger.ZERO, BigInteger.ONE), Fork.CANCUN),
                Reason.INVALID_SIGNATURE);
        assertRefused(() -> CHAIN_7.validate(signedWith(BigInteger.ONE, BigInteger.ZERO), Fork.CANCUN),
                Reason.INVALID_SIGNATURE);
        assertThatCode(() -> CHAIN_7.validate(signedWith(BigInteger.ONE, BigInteger.ONE), Fork.CANCUN))
                .doesNotThrowAnyException();
    }

    @Test
    void fromHomesteadSAboveHalfTheOrderIsRefusedAndSAtHalfTheOrderAccepted() {
        BigInteger aboveHalf = HALF_N.add(BigInteger.ONE);
        assertThatCode(() -> CHAIN_7.validate(unprotected(BigInteger.ONE, HALF_N), Fork.HOMESTEAD))
                .doesNotThrowAnyException();
        assertRefused(() -> CHAIN_7.validate(unprotected(BigInteger.ONE, aboveHalf), Fork.HOMESTEAD),
                Reason.INVALID_SIGNATURE);
        assertThatCode(() -> CHAIN_7.validate(unprotected(BigInteger.ONE, aboveHalf), Fork.FRONTIER))
                .doesNotThrowAnyException();
    }

    /** A pre-EIP-155 transaction (valid on every fork) with this signature. */
    private static Transaction unprotected(BigInteger r, BigInteger s) {
        return new LegacyTransaction(0, BigInteger.ONE, 21_000, Optional.of(Address.ZERO), BigInteger.ZERO,
                Bytes.EMPTY, Optional.empty(), new TransactionSignature(0, r, s));
    }

    @Test
    void signaturesRefuseAParityOtherThanZeroOrOneAndScalarsOutside256Bits() {
        BigInteger max = TWO_POW_256.subtract(BigInteger.ONE);
        assertThatCode(() -> new TransactionSignature(1, max, max)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new TransactionSignature(2, BigInteger.ONE, BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransactionSignature(-1, BigInteger.ONE, BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransactionSignature(0, TWO_POW_256, BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransactionSignature(0, BigInteger.ONE, TWO_POW_256))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransactionSignature(0, BigInteger.ONE.negate(), BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransactionSignature(0, BigInteger.ONE, BigInteger.ONE.negate()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void legacyConstructorRefusesScalarsOutside256BitsAndAChainIdWhoseVWouldNotFit() {
        BigInteger max = TWO_POW_256.subtract(BigInteger.ONE);
        assertThatCode(() -> legacyWith(max, max, Optional.of(LegacyTransaction.MAX_CHAIN_ID)))
                .doesNotThrowAnyException();
        assertThat(legacyWith(BigInteger.ONE, BigInteger.ONE, Optional.of(LegacyTransaction.MAX_CHAIN_ID))
                .withSignature(new TransactionSignature(1, BigInteger.ONE, BigInteger.ONE)).v())
                .isEqualTo(max.subtract(BigInteger.ONE)); // v = 2^256 - 2: one more chain id would reach 2^256
        assertThatCode(() -> legacyWith(BigInteger.ZERO, BigInteger.ZERO, Optional.of(BigInteger.ZERO)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> legacyWith(TWO_POW_256, BigInteger.ONE, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gasPrice");
        assertThatThrownBy(() -> legacyWith(BigInteger.ONE.negate(), BigInteger.ONE, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gasPrice");
        assertThatThrownBy(() -> legacyWith(BigInteger.ONE, TWO_POW_256, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value");
        assertThatThrownBy(() -> legacyWith(BigInteger.ONE, BigInteger.ONE.negate(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value");
        assertThatThrownBy(() -> legacyWith(BigInteger.ONE, BigInteger.ONE,
                Optional.of(LegacyTransaction.MAX_CHAIN_ID.add(BigInteger.ONE))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chain id");
        assertThatThrownBy(() -> legacyWith(BigInteger.ONE, BigInteger.ONE, Optional.of(BigInteger.ONE.negate())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chain id");
    }

    private static LegacyTransaction legacyWith(BigInteger gasPrice, BigInteger value, Optional<BigInteger> chainId) {
        return new LegacyTransaction(0, gasPrice, 21_000, Optional.of(Address.ZERO), value, Bytes.EMPTY, chainId,
                TransactionSignature.UNSIGNED);
    }

    @Test
    void accessListConstructorRefusesEachScalarOutside256Bits() {
        BigInteger max = TWO_POW_256.subtract(BigInteger.ONE);
        assertThatCode(() -> accessListWith(max, max, max)).doesNotThrowAnyException();
        for (BigInteger bad : List.of(TWO_POW_256, BigInteger.ONE.negate())) {
            assertThatThrownBy(() -> accessListWith(bad, BigInteger.ONE, BigInteger.ONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chainId");
            assertThatThrownBy(() -> accessListWith(BigInteger.ONE, bad, BigInteger.ONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gasPrice");
            assertThatThrownBy(() -> accessListWith(BigInteger.ONE, BigInteger.ONE, bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value");
        }
    }

    private static AccessListTransaction accessListWith(BigInteger chainId, BigInteger gasPrice, BigInteger value) {
        return new AccessListTransaction(chainId, 0, gasPrice, 21_000, Optional.of(Address.ZERO), value, Bytes.EMPTY,
                List.of(), TransactionSignature.UNSIGNED);
    }

    @Test
    void feeMarketConstructorRefusesEachScalarOutside256Bits() {
        BigInteger max = TWO_POW_256.subtract(BigInteger.ONE);
        BigInteger one = BigInteger.ONE;
        assertThatCode(() -> feeMarketWith(max, max, max, max)).doesNotThrowAnyException();
        for (BigInteger bad : List.of(TWO_POW_256, BigInteger.ONE.negate())) {
            assertThatThrownBy(() -> feeMarketWith(bad, one, one, one)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("chainId");
            assertThatThrownBy(() -> feeMarketWith(one, bad, one, one)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxPriorityFeePerGas");
            assertThatThrownBy(() -> feeMarketWith(one, one, bad, one)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxFeePerGas");
            assertThatThrownBy(() -> feeMarketWith(one, one, one, bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("value");
        }
    }

    private static FeeMarketTransaction feeMarketWith(BigInteger chainId, BigInteger tip, BigInteger cap,
            BigInteger value) {
        return new FeeMarketTransaction(chainId, 0, tip, cap, 21_000, Optional.of(Address.ZERO), value, Bytes.EMPTY,
                List.of(), TransactionSignature.UNSIGNED);
    }

    @Test
    void anEncodingExactlyAtTheSizeLimitIsDecodedAndOneByteLargerRefused() {
        byte[] encoded = feeMarket(7).sign(KEY, SUITE).encode();
        assertThat(TransactionDecoder.decode(encoded, encoded.length).nonce()).isZero();
        assertRefused(() -> TransactionDecoder.decode(encoded, encoded.length - 1), Reason.TOO_LARGE);
    }

    @Test
    void theFirstByteTellsALegacyListFromATypeByteAndRefusesRlpStrings() {
        assertThatThrownBy(() -> TransactionDecoder.decode(new byte[]{0x7f, (byte) 0xc0})).isInstanceOfSatisfying(
                InvalidTransactionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_TYPE));
        for (int first : new int[]{0x80, 0xbf})
            assertThatThrownBy(() -> TransactionDecoder.decode(new byte[]{(byte) first}))
                    .isInstanceOf(InvalidTransactionException.class).hasMessageContaining("type byte below 0x80");
        assertThatThrownBy(() -> TransactionDecoder.decode(new byte[]{(byte) 0xc0}))
                .isInstanceOf(InvalidTransactionException.class).hasMessageContaining("too few fields");
    }

    @Test
    void aLegacyVOf35IsChainZeroAndAVBetween29And34IsRefused() {
        assertThat(TransactionDecoder.decode(legacyWithV(35)).chainId()).contains(BigInteger.ZERO);
        assertThat(TransactionDecoder.decode(legacyWithV(27)).chainId()).isEmpty();
        for (int v : new int[]{29, 34})
            assertRefused(() -> TransactionDecoder.decode(legacyWithV(v)), Reason.INVALID_SIGNATURE);
    }

    private static byte[] legacyWithV(long v) {
        return new RlpWriter().startList().writeLong(0).writeLong(1).writeLong(21_000).writeBytes(Address.ZERO)
                .writeLong(0).writeBytes(new byte[0]).writeLong(v).writeLong(1).writeLong(1).endList()
                .toByteArray();
    }

    @Test
    void anAccessListEntryWithAThirdItemIsRefused() {
        assertThat(TransactionDecoder.decode(accessListEnvelope(false)).accessList()).hasSize(1);
        assertRefused(() -> TransactionDecoder.decode(accessListEnvelope(true)), Reason.MALFORMED);
    }

    private static byte[] accessListEnvelope(boolean extraItemInEntry) {
        RlpWriter w = new RlpWriter().startList().writeLong(7).writeLong(0).writeLong(1).writeLong(21_000)
                .writeBytes(Address.ZERO).writeLong(0).writeBytes(new byte[0]);
        w.startList().startList().writeBytes(Address.ZERO).startList().endList();
        if (extraItemInEntry)
            w.writeLong(1);
        byte[] list = w.endList().endList().writeLong(0).writeLong(1).writeLong(1).endList().toByteArray();
        byte[] out = new byte[list.length + 1];
        out[0] = 0x01;
        System.arraycopy(list, 0, out, 1, list.length);
        return out;
    }

    @Test
    void gasLimitTimesFeeOf2To256IsRefusedAndOneLessIsNotAnOverflow() {
        BigInteger half = TWO_POW_256.shiftRight(1);
        Transaction overflow = new LegacyTransaction(0, half, 2, Optional.of(Address.ZERO), BigInteger.ZERO,
                Bytes.EMPTY, Optional.empty(), new TransactionSignature(0, BigInteger.ONE, BigInteger.ONE));
        Transaction justBelow = new LegacyTransaction(0, TWO_POW_256.subtract(BigInteger.ONE), 1,
                Optional.of(Address.ZERO), BigInteger.ZERO, Bytes.EMPTY, Optional.empty(),
                new TransactionSignature(0, BigInteger.ONE, BigInteger.ONE));
        assertRefused(() -> CHAIN_7.validate(overflow, Fork.CANCUN), Reason.FEE_OVERFLOW);
        // past the overflow check, it fails on the next rule
        assertRefused(() -> CHAIN_7.validate(justBelow, Fork.CANCUN), Reason.INTRINSIC_GAS_TOO_LOW);
    }

    @Test
    void aPriorityFeeEqualToTheMaxFeeIsAcceptedAndOneAboveRefused() {
        BigInteger cap = BigInteger.TEN;
        assertThatCode(() -> CHAIN_7.validate(feeMarketWithFees(cap, cap), Fork.CANCUN)).doesNotThrowAnyException();
        assertRefused(() -> CHAIN_7.validate(feeMarketWithFees(cap.add(BigInteger.ONE), cap), Fork.CANCUN),
                Reason.PRIORITY_FEE_ABOVE_MAX_FEE);
        assertThat(CHAIN_7.chainId()).isEqualTo(BigInteger.valueOf(7));
    }

    private static Transaction feeMarketWithFees(BigInteger tip, BigInteger cap) {
        return new FeeMarketTransaction(BigInteger.valueOf(7), 0, tip, cap, 21_000, Optional.of(Address.ZERO),
                BigInteger.ZERO, Bytes.EMPTY, List.of(), TransactionSignature.UNSIGNED).sign(KEY, SUITE);
    }
}

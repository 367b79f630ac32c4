package org.stele.consensus.qbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stele.testkit.TestKeys;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Signature;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/**
 * The edges of QBFT's own encodings, each on both sides: extra data at its size limit, rounds that need all four
 * bytes, trailing items, both signature forms, and a block with a body as consensus carries it.
 */
class QbftEncodingLimitsTest {
    private static final TestValidators CHAIN = new TestValidators(4);

    private static BftExtraData extra(List<Address> validators, int round, List<Signature> seals) {
        return new BftExtraData(Bytes.wrap(new byte[32]), validators, Optional.empty(), round, seals);
    }

    @Test
    void roundsThatNeedAllFourBytesSurviveEncodingAndDecoding() {
        for (int round : new int[]{0x01000000, 0x00ff0000, 0x7f123456, Integer.MAX_VALUE}) {
            BftExtraData d = extra(CHAIN.validators, round, List.of());
            assertThat(BftExtraDataCodec.decode(BftExtraDataCodec.encode(d)).round()).isEqualTo(round);
        }
    }

    @Test
    void extraDataOfExactlyTheSizeLimitIsDecoded() {
        List<Address> validators = new ArrayList<>();
        for (int i = 0; i < 12_436; i++) {
            byte[] a = new byte[20];
            a[16] = (byte) (i >>> 24);
            a[17] = (byte) (i >>> 16);
            a[18] = (byte) (i >>> 8);
            a[19] = (byte) i;
            validators.add(Address.wrap(a));
        }
        Signature seal = Signature.secp256k1(Bytes32.wrap(new byte[32]), Bytes32.wrap(new byte[32]), 1);
        Bytes encoded = BftExtraDataCodec.encode(extra(validators, 3, Collections.nCopies(14, seal)));
        assertThat(encoded.size()).isEqualTo(BftExtraDataCodec.MAX_ENCODED_SIZE);

        BftExtraData d = BftExtraDataCodec.decode(encoded);

        assertThat(d.validators()).hasSize(12_436);
        assertThat(d.seals()).hasSize(14);
    }

    private static Bytes extraDataWith(boolean itemAfterVote, boolean itemAfterSeals) {
        RlpWriter w = new RlpWriter();
        w.startList().writeBytes(new byte[32]).startList().endList();
        w.startList().writeBytes(CHAIN.validators.get(0)).writeBytes(new byte[]{Vote.ADD});
        if (itemAfterVote)
            w.writeBytes(new byte[0]);
        w.endList().writeBytes(new byte[]{0, 0, 0, 1}).startList().endList();
        if (itemAfterSeals)
            w.writeBytes(new byte[0]);
        w.endList();
        return Bytes.wrap(w.toByteArray());
    }

    @Test
    void extraDataWithAnItemAfterTheVoteOrAfterTheSealsIsRefused() {
        assertThat(BftExtraDataCodec.decode(extraDataWith(false, false)).vote())
                .hasValue(new Vote(CHAIN.validators.get(0), true));
        assertThatThrownBy(() -> BftExtraDataCodec.decode(extraDataWith(true, false)))
                .isInstanceOf(RlpException.class);
        assertThatThrownBy(() -> BftExtraDataCodec.decode(extraDataWith(false, true)))
                .isInstanceOf(RlpException.class);
    }

    @Test
    void aSignatureWithItsPublicKeyTakesOneHundredAndTwentyEightBytesAndReadsBack() {
        byte[] key = new byte[64];
        for (int i = 0; i < key.length; i++)
            key[i] = (byte) (i + 1);
        Signature sm2 = new Signature(Bytes32.leftPad(new byte[]{7}), Bytes32.leftPad(new byte[]{9}), 0,
                Bytes.wrap(key));

        Bytes encoded = SignatureCodec.encode(sm2);

        assertThat(encoded.size()).isEqualTo(SignatureCodec.WITH_PUBLIC_KEY_LENGTH);
        assertThat(encoded.slice(64)).isEqualTo(Bytes.wrap(key));
        assertThat(SignatureCodec.decode(encoded)).isEqualTo(sm2);
    }

    @Test
    void aRecoverableSignatureReadsBackAndOtherFormsAreRefused() {
        Signature s = CHAIN.seal(CHAIN.keys.get(0), CHAIN.genesis());
        Bytes encoded = SignatureCodec.encode(s);
        assertThat(encoded.size()).isEqualTo(SignatureCodec.RECOVERABLE_LENGTH);
        assertThat(SignatureCodec.decode(encoded)).isEqualTo(s);

        byte[] badV = encoded.toArray();
        badV[64] = 2;
        assertThatIllegalArgumentException().isThrownBy(() -> SignatureCodec.decode(Bytes.wrap(badV)))
                .withMessageContaining("recovery id");
        for (int length : new int[]{0, 64, 66, 127, 129})
            assertThatIllegalArgumentException().isThrownBy(() -> SignatureCodec.decode(Bytes.wrap(new byte[length])))
                    .withMessageContaining("got " + length);
    }

    @Test
    void aBlockWithALargeBodyEncodesToTheListItIsReadFrom() {
        QbftBlock plain = CHAIN.block(CHAIN.genesis(), 0, CHAIN.validators.get(0), 1);
        RlpWriter body = new RlpWriter();
        body.writeBytes(new byte[2_000]).startList().endList();
        QbftBlock b = new QbftBlock(plain.header(), Bytes.wrap(body.toByteArray()));

        byte[] encoded = b.encode();

        assertThat(b.number()).isEqualTo(1);
        RlpReader r = RlpReader.of(encoded);
        assertThat(QbftBlock.readFrom(r)).isEqualTo(b);
        r.requireEnd();
    }

    @Test
    void theHashingNamesTheSuiteItHashesWith() {
        assertThat(new QbftHashing(TestKeys.SUITE).suite()).isSameAs(TestKeys.SUITE);
    }
}

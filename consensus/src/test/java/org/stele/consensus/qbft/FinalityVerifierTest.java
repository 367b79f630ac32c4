package org.stele.consensus.qbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.chain.BlockHeader;
import org.stele.common.crypto.Signature;
import org.stele.testkit.TestKeys;

class FinalityVerifierTest {
    private final TestValidators chain = new TestValidators(4);
    private final FinalityVerifier verifier = new FinalityVerifier(TestKeys.SUITE);
    private final BlockHeader proposed = chain.block(chain.genesis(), 2, chain.validators.get(0), 1).header();

    private List<Signature> seals(int count, BlockHeader h) {
        List<Signature> out = new ArrayList<>();
        for (int i = 0; i < count; i++)
            out.add(chain.seal(chain.keyOf(chain.validators.get(i)), h));
        return out;
    }

    @Test
    void aQuorumOfDistinctValidatorSealsProvesFinality() {
        BlockHeader sealed = QbftHashing.withSeals(proposed, seals(3, proposed));
        FinalityVerifier.Certificate c = verifier.verify(sealed, chain.validators);
        assertThat(c.signers()).hasSize(3).containsExactlyElementsOf(chain.validators.subList(0, 3));
        assertThat(c.round()).isEqualTo(2);
        assertThat(c.blockHash()).isEqualTo(chain.hashing.blockHash(proposed));
    }

    @Test
    void sealsDoNotChangeTheBlockHashButTheRoundChangesTheSealHash() {
        BlockHeader sealed = QbftHashing.withSeals(proposed, seals(3, proposed));
        assertThat(chain.hashing.blockHash(sealed)).isEqualTo(chain.hashing.blockHash(proposed));
        BlockHeader otherRound = QbftHashing.withRound(proposed, 3);
        assertThat(chain.hashing.blockHash(otherRound)).isEqualTo(chain.hashing.blockHash(proposed));
        assertThat(chain.hashing.commitSealHash(otherRound)).isNotEqualTo(chain.hashing.commitSealHash(proposed));
    }

    @Test
    void theGenesisHeaderIsHashedWithItsExtraDataAsWritten() {
        BlockHeader genesis = chain.genesis().withExtraData(BftExtraDataCodec.encode(chain.extra(5, 9)));
        assertThat(chain.hashing.blockHash(genesis)).isEqualTo(genesis.hash(TestKeys.SUITE));
        assertThat(chain.hashing.commitSealHash(genesis)).isEqualTo(genesis.hash(TestKeys.SUITE));
    }

    @Test
    void theBlockHashIsThePlainHeaderHashOnceRoundIsZeroAndSealsAreEmpty() {
        BlockHeader roundZero = QbftHashing.withRound(proposed, 0);
        assertThat(chain.hashing.blockHash(roundZero)).isEqualTo(roundZero.hash(TestKeys.SUITE));
        assertThat(chain.hashing.commitSealHash(roundZero)).isEqualTo(roundZero.hash(TestKeys.SUITE));
        assertThat(chain.hashing.blockHash(proposed)).isEqualTo(roundZero.hash(TestKeys.SUITE));
        assertThat(chain.hashing.commitSealHash(proposed)).isEqualTo(proposed.hash(TestKeys.SUITE));
    }

    @Test
    void fewerSealsThanAQuorumAreNotFinal() {
        BlockHeader sealed = QbftHashing.withSeals(proposed, seals(2, proposed));
        assertThatThrownBy(() -> verifier.verify(sealed, chain.validators))
                .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("3 of 4");
        assertThat(verifier.isFinal(sealed, chain.validators)).isFalse();
    }

    @Test
    void aRepeatedSealCountsOnceAndIsRejected() {
        List<Signature> s = seals(2, proposed);
        s.add(s.get(0));
        assertThatThrownBy(() -> verifier.verify(QbftHashing.withSeals(proposed, s), chain.validators))
                .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("two seals");
    }

    @Test
    void aSealByAnOutsiderIsRejected() {
        List<Signature> s = seals(2, proposed);
        s.add(chain.seal(TestKeys.named("outsider"), proposed));
        assertThatThrownBy(() -> verifier.verify(QbftHashing.withSeals(proposed, s), chain.validators))
                .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("not a validator");
    }

    @Test
    void sealsFromAnotherRoundDoNotCertifyThisOne() {
        BlockHeader round3 = QbftHashing.withRound(proposed, 3);
        BlockHeader misplaced = QbftHashing.withSeals(round3, seals(3, proposed));
        assertThat(verifier.isFinal(misplaced, chain.validators)).isFalse();
    }

    @Test
    void aHeaderWithoutQbftExtraDataIsRejected() {
        BlockHeader plain = proposed.withExtraData(org.stele.common.Bytes.of((byte) 0x01));
        assertThatThrownBy(() -> verifier.verify(plain, chain.validators))
                .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("extra data");
    }
}

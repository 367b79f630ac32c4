package org.stele.consensus.qbft.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Signature;
import org.stele.consensus.qbft.TestValidators;

/** Every payload refuses a negative height or round and accepts zero, the first of each. */
class PayloadBoundsTest {
    private static final TestValidators CHAIN = new TestValidators(4);
    private static final Bytes32 D = Bytes32.ZERO;
    private static final Signature SEAL = CHAIN.seal(CHAIN.keys.get(0), CHAIN.genesis());

    @Test
    void payloadsRefuseANegativeHeightOrRoundAndAcceptZero() {
        var block = CHAIN.block(CHAIN.genesis(), 0, CHAIN.validators.get(0), 1);
        List<java.util.function.BiFunction<Long, Integer, Object>> payloads = List.of(
                (h, r) -> new PreparePayload(h, r, D), (h, r) -> new CommitPayload(h, r, D, SEAL),
                (h, r) -> new RoundChangePayload(h, r, Optional.empty()), (h, r) -> new ProposalPayload(h, r, block));
        for (var make : payloads) {
            assertThat(make.apply(0L, 0)).isNotNull();
            assertThatIllegalArgumentException().isThrownBy(() -> make.apply(-1L, 0));
            assertThatIllegalArgumentException().isThrownBy(() -> make.apply(0L, -1));
        }
    }

    @Test
    void messageCodesHaveTheirSpecNamesAndUnknownOnesTheirHexValue() {
        assertThat(List.of(MessageCodes.PROPOSAL, MessageCodes.PREPARE, MessageCodes.COMMIT, MessageCodes.ROUND_CHANGE)
                .stream().map(MessageCodes::name)).containsExactly("PROPOSAL", "PREPARE", "COMMIT", "ROUND-CHANGE");
        assertThat(MessageCodes.name(0x16)).isEqualTo("0x16");
    }
}

package org.stele.consensus.qbft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;

class ProposerSelectorTest {
    private static final List<Address> V = List.of(Address.fromHex("0x0000000000000000000000000000000000000010"),
            Address.fromHex("0x0000000000000000000000000000000000000020"),
            Address.fromHex("0x0000000000000000000000000000000000000030"));

    @Test
    void roundZeroGoesToTheValidatorAfterThePreviousProposer() {
        assertThat(ProposerSelector.proposer(V, V.get(0), 0)).isEqualTo(V.get(1));
        assertThat(ProposerSelector.proposer(V, V.get(2), 0)).isEqualTo(V.get(0));
    }

    @Test
    void eachRoundMovesOneValidatorOn() {
        assertThat(ProposerSelector.proposer(V, V.get(0), 1)).isEqualTo(V.get(2));
        assertThat(ProposerSelector.proposer(V, V.get(0), 2)).isEqualTo(V.get(0));
        assertThat(ProposerSelector.proposer(V, V.get(0), Integer.MAX_VALUE)).isIn(V);
    }

    @Test
    void aPreviousProposerOutsideTheSetStartsFromTheNextAddressAbove() {
        Address between = Address.fromHex("0x0000000000000000000000000000000000000025");
        assertThat(ProposerSelector.proposer(V, between, 0)).isEqualTo(V.get(2));
        assertThat(ProposerSelector.proposer(V, Address.ZERO, 0)).isEqualTo(V.get(0));
    }

    @Test
    void quorumIsTwoThirdsRoundedUp() {
        assertThat(List.of(1, 4, 7, 10, 13).stream().map(Quorum::quorum)).containsExactly(1, 3, 5, 7, 9);
        assertThat(List.of(1, 4, 7, 10, 13).stream().map(Quorum::faulty)).containsExactly(0, 1, 2, 3, 4);
    }
}

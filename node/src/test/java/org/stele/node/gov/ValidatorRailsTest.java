package org.stele.node.gov;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorRailsTest {
    @Test
    void removingOneOfSevenWithOneRemovalOpenIsAllowedSinceSevenGoOnWithTwoStopped() {
        assertThat(ValidatorRails.removal(7, List.of(3L), false)).isEmpty();
    }

    @Test
    void aThirdRemovalInFlightAmongSevenIsRefusedNamingTheOpenProposals() {
        assertThat(ValidatorRails.removal(7, List.of(3L, 5L), false)).contains("refused: 3 validator removals at once "
                + "(open proposals #3, #5 and this one), but 7 validators go on with at most 2 stopped (quorum 5), and "
                + "a removed validator may be stopped as soon as its removal is proposed; let the open removals "
                + "execute "
                + "or expire first");
    }

    @Test
    void fiveValidatorsTakeOneRemovalAtATime() {
        assertThat(ValidatorRails.removal(5, List.of(), false)).isEmpty();
        assertThat(ValidatorRails.removal(5, List.of(2L), true)).get().asString()
                .startsWith("refused: 2 validator removals at once (open proposals #2 and this one), but 5 validators "
                        + "go on with at most 1 stopped (quorum 4)");
        assertThat(ValidatorRails.removal(6, List.of(2L), false)).as("six go on with two stopped").isEmpty();
    }

    @Test
    void pendingRemovalsCountTowardsLeavingFewerThanFour() {
        assertThat(ValidatorRails.removal(5, List.of(2L), false))
                .contains("refused: 3 validators would remain; under 4 "
                        + "QBFT tolerates no faulty or stopped validator. Give --allow-below-four to do it anyway");
    }

    @Test
    void belowFourIsAllowedWithTheOverrideWhileTheRestStillMakeAQuorum() {
        assertThat(ValidatorRails.removal(4, List.of(), false)).isPresent();
        assertThat(ValidatorRails.removal(4, List.of(), true)).isEmpty();
    }
}

package org.stele.consensus.qbft;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stele.common.Bytes;
import org.stele.common.crypto.Signature;

/**
 * QBFT's header extra data: 32 bytes of vanity, the validators of the block's height, an optional vote, the round
 * the block was committed in, and the commit seals of the validators that committed it.
 */
public record BftExtraData(Bytes vanity, List<org.stele.common.Address> validators, Optional<Vote> vote, int round,
        List<Signature> seals) {
    public static final int VANITY_LENGTH = 32;

    public BftExtraData {
        Objects.requireNonNull(vanity, "vanity");
        Objects.requireNonNull(vote, "vote");
        if (vanity.size() != VANITY_LENGTH)
            throw new IllegalArgumentException("vanity is " + VANITY_LENGTH + " bytes, got " + vanity.size());
        if (round < 0)
            throw new IllegalArgumentException("round must not be negative");
        validators = List.copyOf(validators);
        seals = List.copyOf(seals);
    }

    /** The same extra data in another round (a re-proposed block carries the round it is proposed in). */
    public BftExtraData withRound(int newRound) {
        return new BftExtraData(vanity, validators, vote, newRound, seals);
    }

    public BftExtraData withSeals(List<Signature> newSeals) {
        return new BftExtraData(vanity, validators, vote, round, newSeals);
    }
}

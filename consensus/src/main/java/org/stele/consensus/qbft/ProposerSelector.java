package org.stele.consensus.qbft;

import java.util.List;
import org.stele.common.Address;

/**
 * Round-robin proposer rotation as Besu's QBFT does it with "change each block": round 0 of a height goes to the
 * validator after the previous block's proposer (the first validator whose address sorts above it, wrapping), and
 * each further round moves one validator on. The previous proposer need not be a validator any more.
 */
public final class ProposerSelector {
    private ProposerSelector() {
    }

    /**
     * @param validators        the validators of the height, sorted ascending
     * @param previousProposer the proposer (coinbase) of the parent block
     */
    public static Address proposer(List<Address> validators, Address previousProposer, int round) {
        if (validators.isEmpty())
            throw new IllegalArgumentException("no validators");
        int next = 0;
        while (next < validators.size() && validators.get(next).compareTo(previousProposer) <= 0)
            next++;
        if (next == validators.size())
            next = 0;
        return validators.get((int) ((next + (long) round) % validators.size()));
    }
}

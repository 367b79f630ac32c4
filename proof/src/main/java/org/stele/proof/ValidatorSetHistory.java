package org.stele.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.rlp.RlpException;
import org.stele.consensus.qbft.BftExtraDataCodec;

/**
 * The headers where a chain's validator set changed: genesis, then each header whose QBFT extra data lists another set
 * than the header before it. The canonical chain under QBFT only grows, so the history is kept in memory and extended
 * from where the last call stopped: a node scans each stored header once, not once per proof.
 */
public final class ValidatorSetHistory {
    private final LongFunction<Optional<BlockHeader>> canonical;
    private final List<BlockHeader> changes = new ArrayList<>();
    private List<Address> current;
    private long scanned = -1;

    /** @param canonical the header of the canonical chain at a number, empty above the head */
    public ValidatorSetHistory(LongFunction<Optional<BlockHeader>> canonical) {
        this.canonical = canonical;
    }

    /**
     * The genesis header and every change up to and including block {@code number}, in block order.
     *
     * @throws IllegalStateException when a stored header's extra data is not QBFT's (the chain is not a QBFT chain)
     */
    public synchronized List<BlockHeader> upTo(long number) {
        while (scanned < number) {
            long n = scanned + 1;
            BlockHeader h = canonical.apply(n).orElseThrow(() -> new IllegalStateException("no block " + n));
            List<Address> listed = validators(h);
            if (!listed.equals(current)) {
                changes.add(h);
                current = listed;
            }
            scanned = n;
        }
        List<BlockHeader> out = new ArrayList<>();
        for (BlockHeader h : changes)
            if (h.number() <= number)
                out.add(h);
        return out;
    }

    /** The validators a header lists in its QBFT extra data. */
    public static List<Address> validators(BlockHeader h) {
        try {
            return BftExtraDataCodec.decode(h.extraData()).validators();
        } catch (RlpException e) {
            throw new IllegalStateException(
                    "block " + h.number() + " has no QBFT extra data; proofs need a stele-qbft chain", e);
        }
    }
}

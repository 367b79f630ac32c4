package org.stele.execution.importer;

import java.util.Optional;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.Violation;
import org.stele.evm.WorldView;

/**
 * Whether a header's seals prove it: the consensus part of a block's validity, after the header rules. A QBFT chain
 * checks the commit seals against the validator set of the parent's height; a chain whose seals are checked elsewhere
 * (the reference fixtures' {@code NoProof}, a dev chain sealing its own blocks) uses {@link #NONE}.
 */
@FunctionalInterface
public interface SealVerifier {
    /** Accepts every header. */
    SealVerifier NONE = (header, parent) -> Optional.empty();

    /** The violation (rule {@link org.stele.chain.rules.BlockRule#SEAL}) when the seals do not prove the header. */
    Optional<Violation> verify(BlockHeader header, BlockHeader parent);

    /**
     * The same check, given the state after the parent: a chain whose validator set is chain state (QBFT with
     * governance) reads the set of the header's height there. By default the state is not needed.
     */
    default Optional<Violation> verify(BlockHeader header, BlockHeader parent, WorldView parentState) {
        return verify(header, parent);
    }
}

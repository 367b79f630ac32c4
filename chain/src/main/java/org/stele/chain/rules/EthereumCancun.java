package org.stele.chain.rules;

import java.util.Optional;
import org.stele.chain.BlockHeader;

/**
 * A post-merge Ethereum chain at Cancun, as the reference blockchain tests fill it: difficulty and nonce zero, no
 * ommers, extra data of at most 32 bytes; the mix hash is the beacon chain's randomness and is not checked.
 */
public record EthereumCancun() implements ChainProfile {
    public static final String NAME = "ethereum-cancun";
    /** Ethereum's limit on extra data. */
    public static final int MAX_EXTRA_DATA = 32;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ForkChoice forkChoice() {
        return ForkChoice.NEWEST_BLOCK;
    }

    @Override
    public Optional<Violation> checkHeader(BlockHeader header, BlockHeader parent) {
        if (header.extraData().size() > MAX_EXTRA_DATA)
            return ExecutionHeaderRules.violation(BlockRule.EXTRA_DATA,
                    header.extraData().size() + " bytes of extra data, at most " + MAX_EXTRA_DATA);
        if (header.difficulty().signum() != 0)
            return ExecutionHeaderRules.violation(BlockRule.DIFFICULTY,
                    "difficulty " + header.difficulty() + " after the merge");
        if (header.nonce() != 0)
            return ExecutionHeaderRules.violation(BlockRule.NONCE, "non-zero nonce after the merge");
        if (!header.ommersHash().equals(BlockHeader.EMPTY_OMMERS_HASH))
            return ExecutionHeaderRules.violation(BlockRule.OMMERS,
                    "ommers hash " + header.ommersHash() + " after the merge");
        return ExecutionHeaderRules.check(header, parent);
    }

}

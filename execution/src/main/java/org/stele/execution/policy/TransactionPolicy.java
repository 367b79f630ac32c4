package org.stele.execution.policy;

import org.stele.evm.WorldView;

/**
 * Where a chain's admission rules come from: given the state of a block's parent, the rules every transaction of that
 * block must keep. The same state gives the same rules on every node, so a block one honest node accepts, all accept.
 */
@FunctionalInterface
public interface TransactionPolicy {
    /** No rules beyond Ethereum's: what a chain without governance contracts has. */
    TransactionPolicy NONE = parentState -> TransactionRules.NONE;

    /**
     * The rules for the transactions of a child of the block whose post-state is {@code parentState}. The view is not
     * changed by the block's own transactions: a freeze applies from the block after the one that executed it.
     */
    TransactionRules at(WorldView parentState);
}

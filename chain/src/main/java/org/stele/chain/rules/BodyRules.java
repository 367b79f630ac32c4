package org.stele.chain.rules;

import java.util.Optional;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.RootCalculator;
import org.stele.common.Bytes32;

/**
 * The body against its header: its shape (no ommers, a withdrawals list) before execution, its roots after, in
 * Besu's order, so that a block carrying an invalid transaction is refused for that transaction.
 */
final class BodyRules {
    private BodyRules() {
    }

    static Optional<Violation> checkShape(Block block) {
        if (!block.body().ommers().isEmpty())
            return ExecutionHeaderRules.violation(BlockRule.OMMERS,
                    block.body().ommers().size() + " ommers after the merge");
        if (block.header().withdrawalsRoot().isPresent() && block.body().withdrawals().isEmpty())
            return ExecutionHeaderRules.violation(BlockRule.MALFORMED,
                    "the header has a withdrawals root and the body no withdrawals list");
        return Optional.empty();
    }

    static Optional<Violation> checkRoots(Block block, RootCalculator roots) {
        BlockHeader h = block.header();
        Bytes32 txRoot = block.body().transactionsRoot(roots);
        if (!txRoot.equals(h.transactionsRoot()))
            return ExecutionHeaderRules.violation(BlockRule.TRANSACTIONS_ROOT,
                    "transactions root " + h.transactionsRoot() + ", the body's is " + txRoot);
        Optional<Bytes32> withdrawalsRoot = block.body().withdrawalsRoot(roots);
        if (!withdrawalsRoot.equals(h.withdrawalsRoot()))
            return ExecutionHeaderRules.violation(BlockRule.WITHDRAWALS_ROOT,
                    "withdrawals root " + h.withdrawalsRoot().map(Bytes32::toString).orElse("absent")
                            + ", the body's is " + withdrawalsRoot.map(Bytes32::toString).orElse("absent"));
        return Optional.empty();
    }
}

package org.stele.chain.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stele.chain.BlockHeader;
import org.stele.chain.LogsBloom;
import org.stele.chain.Receipt;
import org.stele.chain.RootCalculator;
import org.stele.common.Bytes32;

/** What executing a block gave, against what its header says: blob gas, gas used, bloom, receipts and state roots. */
public final class ExecutionResultRules {
    private ExecutionResultRules() {
    }

    /**
     * The results of executing a block's transactions and withdrawals on its parent's state.
     *
     * @param encodedReceipts each receipt's consensus encoding, made once: the receipts root is computed from them,
     *            and the block store keeps them as they are
     */
    public record Executed(List<Receipt> receipts, List<byte[]> encodedReceipts, long gasUsed, long blobGasUsed,
            Bytes32 stateRoot) {
        public Executed {
            receipts = List.copyOf(receipts);
            encodedReceipts = List.copyOf(encodedReceipts);
            if (encodedReceipts.size() != receipts.size())
                throw new IllegalArgumentException(receipts.size() + " receipts but " + encodedReceipts.size()
                        + " encodings");
            Objects.requireNonNull(stateRoot, "stateRoot");
        }

        /** Results whose receipts are encoded here. */
        public Executed(List<Receipt> receipts, long gasUsed, long blobGasUsed, Bytes32 stateRoot) {
            this(receipts, receipts.stream().map(Receipt::encode).toList(), gasUsed, blobGasUsed, stateRoot);
        }
    }

    public static Optional<Violation> check(BlockHeader h, Executed e, RootCalculator roots) {
        if (h.blobGasUsed().isPresent() && e.blobGasUsed() != h.blobGasUsed().getAsLong())
            return ExecutionHeaderRules.violation(BlockRule.BLOB_GAS_USED,
                    "blob gas used " + h.blobGasUsed().getAsLong() + ", the transactions use " + e.blobGasUsed());
        if (e.gasUsed() != h.gasUsed())
            return ExecutionHeaderRules.violation(BlockRule.GAS_USED,
                    "gas used " + h.gasUsed() + ", execution used " + e.gasUsed());
        LogsBloom bloom = Receipt.blockBloom(e.receipts());
        if (!bloom.equals(h.logsBloom()))
            return ExecutionHeaderRules.violation(BlockRule.LOGS_BLOOM,
                    "the logs bloom does not match the logs of execution");
        Bytes32 receiptsRoot = roots.root(e.encodedReceipts());
        if (!receiptsRoot.equals(h.receiptsRoot()))
            return ExecutionHeaderRules.violation(BlockRule.RECEIPTS_ROOT,
                    "receipts root " + h.receiptsRoot() + ", execution gives " + receiptsRoot);
        if (!e.stateRoot().equals(h.stateRoot()))
            return ExecutionHeaderRules.violation(BlockRule.STATE_ROOT,
                    "state root " + h.stateRoot() + ", execution gives " + e.stateRoot());
        return Optional.empty();
    }
}

package org.stele.node.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.Log;
import org.stele.chain.Receipt;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.Keccak256;
import org.stele.evm.WorldView;
import org.stele.governance.ChainParameters;
import org.stele.governance.GovernanceState;
import org.stele.governance.SystemContract;
import org.stele.rpc.eth.ChainEventListener;

/**
 * Writes to the audit log each change of the chain's parameters that an executed proposal made (the runtime
 * configuration every node follows from the next block): which parameter, its value before and after, the block, and
 * who: the proposal and the governor whose vote executed it. Blocks without a {@code Parameters} event cost one scan
 * of their logs.
 */
public final class ParameterChangeAudit implements ChainEventListener {
    private static final Address PARAMETERS = SystemContract.PARAMETERS.address();
    private static final Address COMMITTEE = SystemContract.COMMITTEE.address();
    private static final Bytes32 PROPOSAL_EXECUTED = Bytes32
            .wrap(Keccak256.hash("ProposalExecuted(uint256,address)".getBytes(StandardCharsets.UTF_8)));

    private final AuditLog audit;
    private final CryptoSuite suite;
    private final Function<Bytes32, Optional<BlockHeader>> headers;
    private final Function<BlockHeader, WorldView> stateAfter;

    /**
     * @param headers a stored block's header by hash (the parent of each block)
     * @param stateAfter the state after a stored block
     */
    public ParameterChangeAudit(AuditLog audit, CryptoSuite suite, Function<Bytes32, Optional<BlockHeader>> headers,
            Function<BlockHeader, WorldView> stateAfter) {
        this.audit = audit;
        this.suite = suite;
        this.headers = headers;
        this.stateAfter = stateAfter;
    }

    @Override
    public void onBlock(Block block, List<Receipt> receipts) {
        int changer = -1;
        for (int i = 0; i < receipts.size() && changer < 0; i++)
            for (Log log : receipts.get(i).logs())
                if (log.address().equals(PARAMETERS)) changer = i;
        if (changer < 0) return;
        Optional<BlockHeader> parent = headers.apply(block.header().parentHash());
        if (parent.isEmpty()) return;
        ChainParameters before = new GovernanceState(stateAfter.apply(parent.get())).parameters();
        ChainParameters after = new GovernanceState(stateAfter.apply(block.header())).parameters();
        String who = who(block, receipts, changer);
        long number = block.header().number();
        long time = block.header().timestamp();
        for (Map.Entry<String, List<String>> change : List.of(
                Map.entry("Parameters.blockGasLimit",
                        List.of(Long.toString(before.blockGasLimit()), Long.toString(after.blockGasLimit()))),
                Map.entry("Parameters.minGasPrice",
                        List.of(before.minGasPrice().toString(), after.minGasPrice().toString())),
                Map.entry("Parameters.maxTxSize",
                        List.of(Long.toString(before.maxTxSize()), Long.toString(after.maxTxSize()))),
                Map.entry("Parameters.blockPeriodMillis", List.of(Long.toString(before.blockPeriodMillis()),
                        Long.toString(after.blockPeriodMillis())))))
            if (!change.getValue().get(0).equals(change.getValue().get(1)))
                audit.configurationChanged(who, change.getKey(), change.getValue().get(0), change.getValue().get(1),
                        number, time);
    }

    /** The proposal that made the change and the governor whose vote executed it. */
    private String who(Block block, List<Receipt> receipts, int index) {
        String proposal = receipts.get(index).logs().stream()
                .filter(l -> l.address().equals(COMMITTEE) && !l.topics().isEmpty()
                        && l.topics().get(0).equals(PROPOSAL_EXECUTED) && l.topics().size() > 1)
                .map(l -> "committee proposal #" + new java.math.BigInteger(1, l.topics().get(1).toArray()))
                .findFirst().orElse("the committee");
        var tx = block.body().transactions().get(index);
        return proposal + ", executed by the vote of " + tx.sender(suite).toChecksumHex() + " in "
                + tx.hash(suite).toHex();
    }

    @Override
    public void onPendingTransaction(Bytes32 hash) {
    }
}

package org.stele.node.audit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.Log;
import org.stele.chain.Receipt;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.Keccak256;
import org.stele.evm.WorldView;
import org.stele.governance.GovernanceState;
import org.stele.governance.SystemContract;
import org.stele.rpc.eth.ChainEventListener;

/**
 * Writes to the audit log each change of the rules every node enforces that a block made through the governance
 * contracts (the chain's configuration at run time): the chain parameters, the validator set, the node allowlist, the
 * send and deploy modes, an account's roles, send and deploy permissions, freeze and token revocation, a governor's
 * weight, and the committee's thresholds and voting period. Each entry says what, its value before and after the
 * block (read from the parent's and the block's state), the block and its time, and who: the proposal and the
 * governor whose vote executed it, or the account that sent the change itself (an account revoking its own tokens,
 * an operator). Blocks without a governance event cost one scan of their logs; a block that changes an item twice
 * records the block's net change once.
 */
public final class GovernanceChangeAudit implements ChainEventListener {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GovernanceChangeAudit.class);
    private static final Address COMMITTEE = SystemContract.COMMITTEE.address();
    private static final Bytes32 PROPOSAL_EXECUTED = topic("ProposalExecuted(uint256,address)");
    /** The committee's own bookkeeping, which changes no rule a node enforces. */
    private static final List<Bytes32> BOOKKEEPING = List.of(
            topic("ProposalCreated(uint256,address,address,bytes,uint256,string)"),
            topic("Voted(uint256,address,bool,uint256)"), PROPOSAL_EXECUTED);
    private static final Bytes32 THRESHOLDS_CHANGED = topic("ThresholdsChanged(uint256,uint256)");
    private static final Bytes32 VOTING_PERIOD_CHANGED = topic("VotingPeriodChanged(uint256)");

    /** One rule a node enforces, by name, and how to read it from the governance state. */
    private record Item(String name, Function<GovernanceState, Object> read) {}

    private final AuditLog audit;
    private final CryptoSuite suite;
    private final Function<Bytes32, Optional<BlockHeader>> headers;
    private final Function<BlockHeader, WorldView> stateAfter;

    /**
     * @param headers a stored block's header by hash (the parent of each block)
     * @param stateAfter the state after a stored block
     */
    public GovernanceChangeAudit(AuditLog audit, CryptoSuite suite, Function<Bytes32, Optional<BlockHeader>> headers,
            Function<BlockHeader, WorldView> stateAfter) {
        this.audit = audit;
        this.suite = suite;
        this.headers = headers;
        this.stateAfter = stateAfter;
    }

    private static Bytes32 topic(String signature) {
        return Bytes32.wrap(Keccak256.hash(signature.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void onBlock(Block block, List<Receipt> receipts) {
        try {
            record(block, receipts);
        } catch (RuntimeException e) {
            // The block is final and durable already: a failed audit entry is reported, not a failed import.
            LOG.error("cannot write the governance changes of block {} to the audit log: {}",
                    block.header().number(), e.toString());
        }
    }

    private void record(Block block, List<Receipt> receipts) {
        // Which items each transaction touched, in order; an item keeps the first transaction that touched it.
        Map<String, Item> items = new LinkedHashMap<>();
        Map<String, Integer> by = new LinkedHashMap<>();
        for (int i = 0; i < receipts.size(); i++)
            for (Log log : receipts.get(i).logs())
                for (Item item : items(log)) {
                    items.putIfAbsent(item.name(), item);
                    by.putIfAbsent(item.name(), i);
                }
        if (items.isEmpty()) return;
        Optional<BlockHeader> parent = headers.apply(block.header().parentHash());
        if (parent.isEmpty()) return;
        GovernanceState before = new GovernanceState(stateAfter.apply(parent.get()));
        GovernanceState after = new GovernanceState(stateAfter.apply(block.header()));
        for (Item item : items.values()) {
            String old = String.valueOf(item.read().apply(before));
            String now = String.valueOf(item.read().apply(after));
            if (!old.equals(now))
                audit.configurationChanged(who(block, receipts, by.get(item.name())), item.name(), old, now,
                        block.header().number(), block.header().timestamp());
        }
    }

    /** The rules a governance log says changed. */
    private static List<Item> items(Log log) {
        Optional<SystemContract> contract = SystemContract.at(log.address());
        if (contract.isEmpty() || log.topics().isEmpty()) return List.of();
        Optional<Address> subject = log.topics().size() > 1
                ? Optional.of(Address.fromWord(log.topics().get(1)))
                : Optional.empty();
        List<Item> out = new ArrayList<>();
        switch (contract.get()) {
            case COMMITTEE -> {
                Bytes32 event = log.topics().get(0);
                if (event.equals(THRESHOLDS_CHANGED)) {
                    out.add(new Item("Committee.participationThreshold", GovernanceState::participationThreshold));
                    out.add(new Item("Committee.winThreshold", GovernanceState::winThreshold));
                } else if (event.equals(VOTING_PERIOD_CHANGED)) {
                    out.add(new Item("Committee.votingPeriod", GovernanceState::votingPeriod));
                } else if (!BOOKKEEPING.contains(event)) {
                    subject.ifPresent(a -> out.add(new Item("Committee.weight(" + a.toChecksumHex() + ")",
                            s -> s.weight(a))));
                }
            }
            case VALIDATORS -> out.add(new Item("Validators", s -> hex(s.validators())));
            case NODE_ALLOWLIST -> out.add(new Item("NodeAllowlist", s -> hex(s.nodes())));
            case FREEZES -> subject.ifPresent(
                    a -> out.add(new Item("Freezes.isFrozen(" + a.toChecksumHex() + ")", s -> s.isFrozen(a))));
            case ACCOUNTS -> {
                if (subject.isPresent()) {
                    Address a = subject.get();
                    String of = "(" + a.toChecksumHex() + ")";
                    out.add(new Item("Accounts.roles" + of, s -> s.roles(a)));
                    out.add(new Item("Accounts.canSend" + of, s -> s.maySend(a)));
                    out.add(new Item("Accounts.canDeploy" + of, s -> s.mayDeploy(a)));
                    out.add(new Item("Accounts.tokensRevokedAt" + of, s -> s.tokensRevokedAt(a)));
                } else {
                    out.add(new Item("Accounts.sendMode", s -> s.sendingAllowlisted() ? "allowlist" : "open"));
                    out.add(new Item("Accounts.deployMode", s -> s.deployingAllowlisted() ? "allowlist" : "open"));
                }
            }
            case PARAMETERS -> {
                out.add(new Item("Parameters.blockGasLimit", s -> s.parameters().blockGasLimit()));
                out.add(new Item("Parameters.minGasPrice", s -> s.parameters().minGasPrice()));
                out.add(new Item("Parameters.maxTxSize", s -> s.parameters().maxTxSize()));
                out.add(new Item("Parameters.blockPeriodMillis", s -> s.parameters().blockPeriodMillis()));
            }
        }
        return out;
    }

    private static List<String> hex(List<Address> addresses) {
        return addresses.stream().map(Address::toChecksumHex).toList();
    }

    /** The proposal and the governor whose vote executed it, or the account that sent the change itself. */
    private String who(Block block, List<Receipt> receipts, int index) {
        Transaction tx = block.body().transactions().get(index);
        String sender = tx.sender(suite).toChecksumHex() + " in " + tx.hash(suite).toHex();
        return receipts.get(index).logs().stream()
                .filter(l -> l.address().equals(COMMITTEE) && l.topics().size() > 1
                        && l.topics().get(0).equals(PROPOSAL_EXECUTED))
                .map(l -> "committee proposal #" + new BigInteger(1, l.topics().get(1).toArray())
                        + ", executed by the vote of " + sender)
                .findFirst().orElse(sender);
    }

    @Override
    public void onPendingTransaction(Bytes32 hash) {
    }
}

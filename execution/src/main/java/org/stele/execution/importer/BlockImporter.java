package org.stele.execution.importer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.Receipt;
import org.stele.chain.rules.BlockRule;
import org.stele.chain.rules.ChainProfile;
import org.stele.chain.rules.ForkChoice;
import org.stele.chain.rules.Violation;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.rlp.RlpException;
import org.stele.evm.AccountInfo;
import org.stele.execution.block.AncestorHashes;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.CarriedState;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.execution.explorer.TransactionFacts;
import org.stele.execution.policy.TransactionPolicy;
import org.stele.execution.policy.TransactionRules;
import org.stele.storage.KeyValueStore;
import org.stele.storage.WriteBatch;
import org.stele.trie.MerklePatriciaTrie;

/**
 * Takes a block whose parent is stored and either writes it or refuses it. The order is Besu's: the parent must be
 * known, the header must keep the profile's rules against it, the seals must prove it, the body must have the fork's
 * shape, every transaction must be valid at its turn, and then the body's roots and the results of execution (gas
 * used, bloom, receipts root, state root) must match the header. A valid block
 * is written with its receipts, state and indexes in one batch, as the head or as a side block according to the
 * profile's {@link ForkChoice}; a refused one writes nothing. Calls are serialised: one block at a time per chain.
 * <p>
 * A block that this node's own {@link BlockExecutor} has just built and executed comes in through
 * {@link #importBuilt}: it keeps every rule above except that its transactions are not executed a second time, since
 * the builder's receipts and state are the execution's results. Every other block is executed here.
 * <p>
 * A consensus node meets most blocks twice: as a proposal, which it executes by {@link #check} (or builds itself,
 * {@link #rememberBuilt}) before it votes, and as the decided block, sealed, which it imports. The results of the
 * first meeting are kept for the last few blocks, by block hash, and the import writes them instead of executing the
 * block again. The hash commits to everything execution reads (parent, header fields, transactions); on a QBFT
 * chain it leaves out only the round and the commit seals of the extra data, which execution does not read. The
 * decided block's header, seals and body shape are still checked as for any block. A block checked again (the
 * proposer's own proposal, a proposal made again in a later round) is judged by those results too, after its header and
 * body shape.
 */
public final class BlockImporter {
    private final ChainProfile profile;
    private final CryptoSuite suite;
    private final KeyValueBlockStore blocks;
    private final SealVerifier seals;
    private final BlockProcessor processor;
    private volatile ImportListener listener = ImportListener.NONE;
    /** Execution results of blocks checked or built here and not imported yet, oldest first; under this's lock. */
    private final LinkedHashMap<Bytes32, Executed> executed = new LinkedHashMap<>();

    /** How many executed blocks are kept: a height's proposals over a few rounds. */
    static final int REMEMBERED = 4;

    /** What executing a block produced, for writing it later. */
    private record Executed(List<Receipt> receipts, List<byte[]> encodedReceipts, WriteBatch batch,
            List<TransactionFacts> facts, Map<Address, AccountInfo> accounts) {}

    public BlockImporter(ChainProfile profile, Fork fork, CryptoSuite suite, long chainId, KeyValueStore store,
            KeyValueBlockStore blocks, SealVerifier seals) {
        this(profile, fork, suite, chainId, store, blocks, seals, new CarriedState(store));
    }

    /**
     * As above, executing each block on {@code carried}'s state when it holds the parent's, and leaving the executed
     * block's state there: shared with the node's {@link BlockExecutor}, so that the block after one built here, and
     * the one built after a checked one, do not read their state from the store again.
     */
    public BlockImporter(ChainProfile profile, Fork fork, CryptoSuite suite, long chainId, KeyValueStore store,
            KeyValueBlockStore blocks, SealVerifier seals, CarriedState carried) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.suite = Objects.requireNonNull(suite, "suite");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.seals = Objects.requireNonNull(seals, "seals");
        this.processor = new BlockProcessor(fork, suite, chainId, store, carried);
        if (blocks.head().isEmpty())
            throw new IllegalArgumentException("the chain store has no genesis block to import onto");
    }

    /**
     * From now on every transaction of a block must also keep the chain's own rules ({@code policy}, read at the
     * parent's state); a block with one that breaks them is refused as {@code INVALID_TRANSACTION} with the rule's
     * reason. Call before the first import: a node enforces one policy for its whole chain.
     */
    public void enforce(TransactionPolicy policy) {
        processor.enforce(java.util.Objects.requireNonNull(policy, "policy"));
    }

    /**
     * From now on the senders {@code senders} knows (a transaction pool's, recovered at admission) are taken instead
     * of being recovered again when a block is executed.
     */
    public void useKnownSenders(KnownSenders senders) {
        processor.useKnownSenders(Objects.requireNonNull(senders, "senders"));
    }

    /** From now on {@code listener} hears of every block written (replacing the one before). */
    public void listen(ImportListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public ChainProfile profile() {
        return profile;
    }

    /** Decodes and imports one RLP-encoded block; an encoding that does not decode is refused as malformed. */
    public ImportResult importRlp(byte[] encoded) {
        Block block;
        try {
            block = Block.decode(encoded);
        } catch (RlpException | IllegalArgumentException e) {
            return refused(Refusal.of(BlockRule.MALFORMED, String.valueOf(e.getMessage())));
        }
        return importBlock(block);
    }

    /**
     * Imports {@code block}: executed here, or from the results of its check or build when this node met it before
     * under the same hash. A new head that extends the tip is handed to {@link KeyValueBlockStore#putBehind}, as for
     * {@link #importBuilt}.
     */
    public synchronized ImportResult importBlock(Block block) {
        return timed(block, null);
    }

    /**
     * Imports {@code sealed}, the block {@code built} by this node's {@link BlockExecutor} with its seal added, taking
     * the builder's receipts, state batch and transaction facts instead of executing its transactions again. The
     * header, seal and body-shape rules are checked as for any block. A block that extends the store's tip is handed
     * to {@link KeyValueBlockStore#putBehind}: written at once, or behind by the store's writer thread when the store
     * writes behind (a dev chain), in which case it is the tip on return and clients see it once it is durable.
     *
     * @throws IllegalArgumentException
     *             when {@code sealed} is not {@code built}'s block: its body must be the very one built, and its header
     *             may differ from the built one only in its extra data (where the seal goes)
     */
    public synchronized ImportResult importBuilt(Block sealed, BlockExecutor.Result built) {
        BlockHeader header = sealed.header();
        if (sealed.body() != built.block().body()
                || !header.equals(built.block().header().withExtraData(header.extraData())))
            throw new IllegalArgumentException("block " + header.number()
                    + " is not the one built: only the extra data of a built block may change before its import");
        return timed(sealed, built);
    }

    /**
     * Keeps {@code built}'s results for the block {@code proposal}, which is {@code built}'s block with other extra
     * data (a QBFT proposal's validators and round), so that importing the decided block, once sealed, does not
     * execute it again. Nothing is written.
     *
     * @throws IllegalArgumentException
     *             when {@code proposal} is not {@code built}'s block, as for {@link #importBuilt}
     */
    public synchronized void rememberBuilt(Block proposal, BlockExecutor.Result built) {
        BlockHeader header = proposal.header();
        if (proposal.body() != built.block().body()
                || !header.equals(built.block().header().withExtraData(header.extraData())))
            throw new IllegalArgumentException("block " + header.number()
                    + " is not the one built: only the extra data of a built block may differ from the proposal");
        remember(blocks.hash(header),
                new Executed(built.receipts(), built.encodedReceipts(), built.batch(), built.facts(),
                        built.accounts()));
    }

    private void remember(Bytes32 hash, Executed results) {
        executed.put(hash, results);
        while (executed.size() > REMEMBERED)
            executed.remove(executed.keySet().iterator().next());
    }

    private ImportResult timed(Block block, BlockExecutor.Result built) {
        long started = System.nanoTime();
        ImportResult result = run(block, true, built);
        if (result instanceof ImportResult.Imported imported)
            listener.imported(imported, Duration.ofNanos(System.nanoTime() - started));
        return result;
    }

    /**
     * Checks {@code block} by every rule of {@link #importBlock} except its seals, and executes it, writing nothing: how
     * a validator judges a proposal (which has no seals yet) before voting for it. Answers {@link ImportResult.Imported}
     * (with {@code head} false) when the block would be accepted.
     */
    public synchronized ImportResult check(Block block) {
        return run(block, false, null);
    }

    /** Imports or checks {@code block}; {@code built} is its builder's result when this node built it, else null. */
    private ImportResult run(Block block, boolean write, BlockExecutor.Result built) {
        BlockHeader header = block.header();
        Bytes32 hash = blocks.hash(header);
        if (write && blocks.contains(hash))
            return new ImportResult.AlreadyKnown(hash);
        Optional<BlockHeader> parentHeader = header.parentHash().isZero()
                ? Optional.empty()
                : blocks.header(header.parentHash());
        if (parentHeader.isEmpty())
            return refused(Refusal.of(BlockRule.UNKNOWN_PARENT,
                    "block " + header.number() + " has unknown parent " + header.parentHash()));
        BlockHeader parent = parentHeader.get();
        AncestorHashes hashes = new AncestorHashes(blocks, parent, header.parentHash());
        // the chain's rules are those of the parent's state: the block's own transactions do not change them
        TransactionRules rules = processor.rulesAt(parent, hashes);
        Optional<Violation> broken = checkHeader(header, parent, rules)
                .or(() -> write ? seals.verify(header, parent, processor.stateAfter(parent, hashes)) : Optional.empty())
                .or(() -> profile.checkBodyShape(block));
        if (broken.isPresent())
            return refused(Refusal.of(broken.get()));
        if (built != null) {
            // This node built the block under the same rules (the builder applied the chain's policy at the parent's
            // state): its execution results are the block's.
            boolean head = isHead(header);
            store(block, built.receipts(), built.encodedReceipts(), built.batch(), head, built.facts());
            return new ImportResult.Imported(block, hash, head, Optional.of(built.accounts()));
        }
        Executed known = write ? executed.remove(hash) : executed.get(hash);
        if (known != null && !write) {
            // Checked or built here before under the same hash (a proposer meets its own proposal as a message, and a
            // round change may propose the same block again): executing it again would give these results.
            return new ImportResult.Imported(block, hash, false);
        }
        if (known != null) {
            // Executed here under the same hash, so from the same parent, header fields and transactions: the results
            // are this block's (its roots were compared with the header then).
            boolean head = isHead(header);
            store(block, known.receipts(), known.encodedReceipts(), known.batch(), head, known.facts());
            return new ImportResult.Imported(block, hash, head, Optional.of(known.accounts()));
        }
        BlockProcessor.Outcome outcome = processor.process(block, parent, hashes, rules);
        return switch (outcome) {
            case BlockProcessor.Failed failed -> refused(failed.refusal());
            case BlockProcessor.Processed processed -> {
                Optional<Violation> wrong = profile.checkExecuted(block, processed.result(),
                        MerklePatriciaTrie::orderedRoot);
                if (wrong.isPresent())
                    yield refused(Refusal.of(wrong.get()));
                if (!write) {
                    remember(hash, new Executed(processed.result().receipts(),
                            processed.result().encodedReceipts(), processed.batch(), processed.facts(),
                            processed.accounts()));
                    yield new ImportResult.Imported(block, hash, false);
                }
                boolean head = isHead(header);
                store(block, processed.result().receipts(), processed.result().encodedReceipts(),
                        processed.batch(), head, processed.facts());
                yield new ImportResult.Imported(block, hash, head, Optional.of(processed.accounts()));
            }
        };
    }

    /**
     * Hands a valid block to the store: a new head that extends the tip goes to {@link KeyValueBlockStore#putBehind}
     * (written at once, or behind by the store's writer thread when the store writes behind: it is then the tip on
     * return, the next block is built and checked on it, and clients see it once it is durable); any other block is
     * written at once after those on their way.
     */
    private void store(Block block, List<Receipt> receipts, List<byte[]> encodedReceipts, WriteBatch batch,
            boolean head, List<TransactionFacts> facts) {
        if (head && block.header().parentHash().equals(blocks.hash(blocks.tip().orElseThrow())))
            blocks.putBehind(block, receipts, encodedReceipts, batch, facts);
        else
            blocks.put(block, receipts, encodedReceipts, batch, head, facts);
    }

    /** Whether a valid block with {@code header} becomes the head, by the profile's fork choice. */
    private boolean isHead(BlockHeader header) {
        return profile.forkChoice() == ForkChoice.NEWEST_BLOCK
                || header.parentHash().equals(blocks.hash(blocks.tip().orElseThrow()));
    }

    /**
     * The profile's header rules; where the chain's state sets the gas limit, the header must carry exactly that one
     * instead of keeping within 1/1024 of its parent's, and every other rule is the profile's.
     */
    private Optional<Violation> checkHeader(BlockHeader header, BlockHeader parent, TransactionRules rules) {
        if (rules.blockGasLimit().isEmpty() || rules.blockGasLimit().getAsLong() == parent.gasLimit())
            return profile.checkHeader(header, parent);
        long limit = rules.blockGasLimit().getAsLong();
        if (header.gasLimit() != limit)
            return Optional.of(new Violation(BlockRule.GAS_LIMIT,
                    "gas limit " + header.gasLimit() + ", the chain's parameters set " + limit));
        if (header.gasUsed() > limit)
            return Optional.of(new Violation(BlockRule.GAS_USED_ABOVE_LIMIT,
                    "gas used " + header.gasUsed() + " is above the gas limit " + limit));
        // the profile's other rules, against the parent's limit (the governed one was checked above)
        return profile.checkHeader(header.toBuilder().gasLimit(parent.gasLimit()).gasUsed(0).build(), parent);
    }

    private static ImportResult refused(Refusal refusal) {
        return new ImportResult.Refused(refusal);
    }
}

package org.stele.execution.block;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.stele.chain.BaseFee;
import org.stele.chain.Block;
import org.stele.chain.BlockBody;
import org.stele.chain.BlockHeader;
import org.stele.chain.Log;
import org.stele.chain.LogsBloom;
import org.stele.chain.Receipt;
import org.stele.chain.rules.ChainProfile;
import org.stele.chain.rules.EthereumCancun;
import org.stele.chain.rules.SteleQbft;
import org.stele.chain.store.BlockStore;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.evm.AccountInfo;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.crypto.CryptoSuite;
import org.stele.evm.BlockContext;
import org.stele.evm.CallGuard;
import org.stele.execution.BeaconRootCall;
import org.stele.execution.BlobGas;
import org.stele.execution.TransactionProcessor;
import org.stele.execution.TransactionResult;
import org.stele.execution.explorer.TransactionFacts;
import org.stele.execution.policy.PolicyRefusal;
import org.stele.execution.policy.TransactionPolicy;
import org.stele.execution.policy.TransactionRules;
import org.stele.state.WorldState;
import org.stele.storage.KeyValueStore;
import org.stele.storage.WriteBatch;
import org.stele.trie.MerklePatriciaTrie;

/**
 * Executes transactions on top of a parent block and assembles the resulting block: state root, receipts, bloom
 * and roots. Transactions that turn out invalid at their turn (a nonce taken by an earlier one, funds spent) are
 * left out and reported, so a builder can drop them from its pool; the sender's later ones are only left out, as
 * is a transaction whose gas limit exceeds the gas the block has left. Not thread-safe; one per thread.
 */
public final class BlockExecutor {
    private final Fork fork;
    private final CryptoSuite suite;
    private final long chainId;
    private final KeyValueStore store;
    private final BlockStore blocks;
    private final TransactionProcessor processor;
    private final BeaconRootCall beaconRootCall;
    /**
     * The header fields the EVM reads that the chain's profile fixes (DIFFICULTY, and PREVRANDAO, which is the
     * mixHash): a block is executed with the values its header will carry, so that an importer executing the sealed
     * block again gets the same results.
     */
    private final BigInteger difficulty;
    private final Bytes32 mixHash;
    private final TransactionPolicy policy;
    /** The state of the block built last, for the next one (a dev chain builds each block on the one before). */
    private final CarriedState carried;
    /** QBFT has no beacon chain: every block names the zero root, and EIP-4788's contract records it as such. */
    private static final Bytes32 PARENT_BEACON_BLOCK_ROOT = Bytes32.ZERO;
    /**
     * Whether the state commit runs alongside the roots ({@code -Dstele.build.commitAlongside=false} keeps it on the
     * building thread, for comparing the two in one build: on a machine whose cores are all busy, handing the commit
     * to another thread costs the wait for that thread's turn).
     */
    private static final boolean COMMIT_ALONGSIDE = !"false"
            .equals(System.getProperty("stele.build.commitAlongside"));
    /**
     * Where state commits run while the building thread computes the body's roots: daemon threads, made when needed and
     * ended after a minute idle, shared by every executor (a node builds one block at a time per chain).
     */
    private static final ExecutorService COMMITS = Executors
            .newCachedThreadPool(Thread.ofPlatform().name("stele-state-commit-", 0).daemon(true).factory());
    /** No transaction costs less than this (the intrinsic gas of a plain transfer). */
    private static final long MIN_TRANSACTION_GAS = 21_000;

    /** An executor for blocks under Ethereum's post-merge header conventions: difficulty 0, a zero mixHash. */
    public BlockExecutor(Fork fork, CryptoSuite suite, long chainId, KeyValueStore store, BlockStore blocks) {
        this(fork, suite, chainId, store, blocks, new EthereumCancun(), TransactionPolicy.NONE);
    }

    /** An executor for blocks under {@code profile}'s header conventions (QBFT's difficulty 1 and mixHash). */
    public BlockExecutor(Fork fork, CryptoSuite suite, long chainId, KeyValueStore store, BlockStore blocks,
            ChainProfile profile) {
        this(fork, suite, chainId, store, blocks, profile, TransactionPolicy.NONE);
    }

    /**
     * A builder under Ethereum's header conventions that leaves out (and reports as rejected) the transactions the
     * chain's {@code policy} refuses at the parent's state, as the block importer would refuse a block holding them.
     */
    public BlockExecutor(Fork fork, CryptoSuite suite, long chainId, KeyValueStore store, BlockStore blocks,
            TransactionPolicy policy) {
        this(fork, suite, chainId, store, blocks, new EthereumCancun(), policy);
    }

    /**
     * A builder for blocks under {@code profile}'s header conventions that leaves out (and reports as rejected) the
     * transactions the chain's {@code policy} refuses at the parent's state.
     */
    public BlockExecutor(Fork fork, CryptoSuite suite, long chainId, KeyValueStore store, BlockStore blocks,
            ChainProfile profile, TransactionPolicy policy) {
        this(fork, suite, chainId, store, blocks, profile, policy, new CarriedState(store));
    }

    /**
     * As above, starting each block from {@code carried} when it holds the parent's state and leaving the built
     * block's state there. A consensus node shares one with its importer: proposers rotate, so the block before the
     * one this node builds was executed by its importer (checked as a proposal), and the block after its own is
     * checked there too.
     */
    public BlockExecutor(Fork fork, CryptoSuite suite, long chainId, KeyValueStore store, BlockStore blocks,
            ChainProfile profile, TransactionPolicy policy, CarriedState carried) {
        switch (profile) {
            case SteleQbft q -> {
                this.difficulty = BigInteger.ONE;
                this.mixHash = SteleQbft.MIX_HASH;
            }
            case EthereumCancun e -> {
                this.difficulty = BigInteger.ZERO;
                this.mixHash = Bytes32.ZERO;
            }
        }
        this.policy = policy;
        this.fork = fork;
        this.suite = suite;
        this.chainId = chainId;
        this.store = store;
        this.carried = Objects.requireNonNull(carried, "carried");
        this.blocks = blocks;
        this.processor = new TransactionProcessor(fork);
        this.beaconRootCall = new BeaconRootCall(fork);
    }

    /** A transaction with the sender recovered when it was admitted. */
    public record Candidate(Transaction transaction, Address sender) {}

    /** A transaction that could not be included, and why. */
    public record Rejected(Candidate candidate, String reason) {}

    /**
     * The result: the block, its receipts and their consensus encodings (hashed into the receipts root once, and
     * written to the store as they are), the batch holding its state (to be written together with the block), what
     * execution learned about each included transaction (for the explorer indexes), the candidates left out, and the
     * accounts the block changed with their values after it ({@link WorldState#committedAccounts}).
     */
    public record Result(Block block, List<Receipt> receipts, List<byte[]> encodedReceipts, WriteBatch batch,
            List<TransactionFacts> facts, List<Rejected> rejected, Map<Address, AccountInfo> accounts) {}

    /** Builds the child of {@code parent} from {@code candidates}, in their order, up to the gas limit. */
    public Result build(BlockHeader parent, long timestamp, Address coinbase, List<Candidate> candidates) {
        return build(parent, timestamp, coinbase, CandidateSource.of(candidates));
    }

    /**
     * Builds the child of {@code parent}, taking candidates while the block has gas left for the cheapest
     * transaction; a candidate whose gas limit exceeds what is left stays out, and so do the rest of its sender's.
     */
    public Result build(BlockHeader parent, long timestamp, Address coinbase, CandidateSource candidates) {
        BigInteger baseFee = BaseFee.next(parent);
        Bytes32 parentHash = blocks.hash(parent, suite);
        // BLOCKHASH by the parents' headers, not the number index: the parent may be accepted and not written yet
        AncestorHashes hashes = new AncestorHashes(blocks, parent, parentHash);
        TransactionRules rules = policy.at(WorldState.open(store, parent.stateRoot(), hashes));
        long gasLimit = rules.blockGasLimit().orElse(parent.gasLimit());
        BlockContext ctx = new BlockContext(coinbase, parent.number() + 1, timestamp, gasLimit, baseFee, difficulty,
                mixHash, chainId, BigInteger.ONE);
        WorldState world = carried.open(parent.stateRoot(), hashes);
        beaconRootCall.apply(world, ctx, PARENT_BEACON_BLOCK_ROOT);
        List<Transaction> included = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        List<TransactionFacts> facts = new ArrayList<>();
        long gasUsed = 0;
        CallGuard guard = rules.callGuard();
        Candidate c;
        while (gasLimit - gasUsed >= MIN_TRANSACTION_GAS && (c = candidates.next()) != null) {
            if (Long.compareUnsigned(c.transaction().gasLimit(), gasLimit - gasUsed) > 0) {
                candidates.skipSender();
                continue;
            }
            Optional<PolicyRefusal> refused = rules.check(c.sender(), c.transaction());
            if (refused.isPresent()) {
                rejected.add(new Rejected(c, refused.get().detail()));
                candidates.skipSender();
                continue;
            }
            TransactionResult r = processor.process(world, ctx, TransactionRequests.of(c.transaction(), c.sender()),
                    gasLimit - gasUsed, guard);
            switch (r) {
                case TransactionResult.Invalid invalid -> {
                    rejected.add(new Rejected(c, invalid.message()));
                    candidates.skipSender();
                }
                case TransactionResult.Executed executed -> {
                    world.apply(executed.changes());
                    gasUsed += executed.gasUsed();
                    included.add(c.transaction());
                    receipts.add(Receipt.of(c.transaction().type(), executed.isSuccess(), gasUsed, logs(executed)));
                    facts.add(TransactionFacts.of(c.sender(), executed));
                }
            }
        }
        // The state commit (slot writes into the storage tries, account leaves, hashing the touched nodes) and the
        // body's roots are independent: the commit runs on a helper thread while this one computes the roots, so the
        // header is ready after the longer of the two rather than after both.
        WriteBatch batch = new WriteBatch();
        Future<Bytes32> committing = COMMIT_ALONGSIDE
                ? COMMITS.submit(() -> world.commit(batch))
                : CompletableFuture.completedFuture(world.commit(batch));
        BlockBody body = new BlockBody(included, List.of(), Optional.of(List.of()));
        Bytes32 transactionsRoot;
        List<byte[]> encodedReceipts;
        Bytes32 receiptsRoot;
        LogsBloom bloom;
        try {
            transactionsRoot = body.transactionsRoot(MerklePatriciaTrie::orderedRoot);
            encodedReceipts = receipts.stream().map(Receipt::encode).toList();
            receiptsRoot = MerklePatriciaTrie.orderedRoot(encodedReceipts);
            bloom = Receipt.blockBloom(receipts);
        } catch (RuntimeException | Error e) {
            stateRoot(committing); // the state and the batch are the commit's until it ends
            throw e;
        }
        Bytes32 stateRoot = stateRoot(committing);
        Map<Address, AccountInfo> accounts = world.committedAccounts();
        carried.keep(world, stateRoot);
        BlockHeader header = BlockHeader.builder().number(parent.number() + 1).parentHash(parentHash)
                .coinbase(coinbase).stateRoot(stateRoot).transactionsRoot(transactionsRoot).receiptsRoot(receiptsRoot)
                .logsBloom(bloom).gasLimit(gasLimit).gasUsed(gasUsed)
                .timestamp(timestamp).extraData(parent.extraData()).difficulty(difficulty).mixHash(mixHash).nonce(0)
                .baseFeePerGas(baseFee)
                .withdrawalsRoot(BlockHeader.EMPTY_TRIE_ROOT).blobGasUsed(0).excessBlobGas(0)
                .parentBeaconBlockRoot(PARENT_BEACON_BLOCK_ROOT).build();
        return new Result(new Block(header, body), receipts, encodedReceipts, batch, facts, rejected, accounts);
    }

    /** The committed state's root, once the commit is done; its failure is rethrown as it was thrown. */
    private static Bytes32 stateRoot(Future<Bytes32> committing) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return committing.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the commit owns the state and the batch until it ends: wait for it
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r)
                        throw r;
                    if (e.getCause() instanceof Error err)
                        throw err;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted)
                Thread.currentThread().interrupt();
        }
    }

    /** A context for calls outside any block: no difficulty and a zero PREVRANDAO, no blob gas price. */
    public static BlockContext context(Address coinbase, long number, long timestamp, long gasLimit, BigInteger baseFee,
            long chainId) {
        return new BlockContext(coinbase, number, timestamp, gasLimit, baseFee, BigInteger.ZERO, Bytes32.ZERO, chainId,
                BigInteger.ONE);
    }

    /**
     * The context a stored block was executed in, from its header: the difficulty and mixHash it carries (PREVRANDAO;
     * under QBFT the fixed BFT mixHash) and the blob base fee of its excess blob gas. The importer executes every block
     * in it, and a replay must too, or a contract that reads PREVRANDAO would trace differently from how it ran.
     */
    public static BlockContext context(BlockHeader header, long chainId) {
        return new BlockContext(header.coinbase(), header.number(), header.timestamp(), header.gasLimit(),
                header.baseFeePerGas().orElse(BigInteger.ZERO), header.difficulty(), header.mixHash(), chainId,
                BlobGas.baseFee(header.excessBlobGas().orElse(0)));
    }

    private static List<Log> logs(TransactionResult.Executed executed) {
        return executed.logs().stream().map(l -> new Log(l.address(), l.topics(), l.data())).toList();
    }

    public Fork fork() {
        return fork;
    }
}

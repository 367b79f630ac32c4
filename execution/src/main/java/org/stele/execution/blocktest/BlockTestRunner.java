package org.stele.execution.blocktest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.stele.chain.Block;
import org.stele.chain.rules.EthereumCancun;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.execution.importer.BlockImporter;
import org.stele.execution.importer.ImportResult;
import org.stele.execution.importer.SealVerifier;
import org.stele.execution.statetest.FixtureAccount;
import org.stele.execution.statetest.FixtureFormatException;
import org.stele.execution.statetest.ParallelFixtures;
import org.stele.state.BlockHashes;
import org.stele.state.WorldState;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.storage.WriteBatch;

/**
 * Runs blockchain-test fixtures of the Cancun network through {@link BlockImporter} with the {@code ethereum-cancun}
 * profile and no seal check (the fixtures' {@code NoProof}). A case passes when its genesis matches its pre-state,
 * every block without {@code expectException} is imported, every block with one is refused for a reason
 * {@link FixtureExceptions} maps it to, and at the end the head is {@code lastblockhash} with the expected state.
 * Cases are independent (each has its own in-memory store), so files run on several threads.
 */
public final class BlockTestRunner {
    /** The only network the importer's rules cover. */
    public static final String NETWORK = "Cancun";
    private static final long CHAIN_ID = 1;
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();

    private final Pattern nameFilter;

    /** @param nameFilter runs only tests whose name contains a match, or all when null */
    public BlockTestRunner(Pattern nameFilter) {
        this.nameFilter = nameFilter;
    }

    /** Totals of a run; {@code skipped} counts cases of other networks. */
    public record Summary(int passed, int failed, int skipped) {}

    public Summary run(List<Path> files, int threads, Consumer<BlockTestResult> sink) {
        int[] counts = new int[3];
        ParallelFixtures.run(files, threads, "blocktest", this::runFile, r -> {
            if (r == null) {
                counts[2]++;
                return;
            }
            counts[r.pass() ? 0 : 1]++;
            sink.accept(r);
        });
        return new Summary(counts[0], counts[1], counts[2]);
    }

    /** Every matching case of one file (null for a case of another network); an unreadable file is one failure. */
    public List<BlockTestResult> runFile(Path file) {
        List<BlockTestCase> tests;
        try {
            tests = BlockTestParser.parseFile(file);
        } catch (FixtureFormatException e) {
            return List.of(new BlockTestResult(file.getFileName().toString(), file.toString(), NETWORK, false,
                    e.getMessage()));
        }
        List<BlockTestResult> results = new ArrayList<>();
        for (BlockTestCase test : tests) {
            if (nameFilter != null && !nameFilter.matcher(test.name()).find())
                continue;
            results.add(NETWORK.equals(test.network()) ? runCase(test) : null);
        }
        return results;
    }

    public BlockTestResult runCase(BlockTestCase test) {
        try {
            String error = check(test);
            return new BlockTestResult(test.name(), test.file().toString(), test.network(), error == null, error);
        } catch (RuntimeException | StackOverflowError e) {
            return new BlockTestResult(test.name(), test.file().toString(), test.network(), false,
                    "internal error: " + e);
        }
    }

    /** What is wrong with running {@code test}, or null when it passes. */
    private static String check(BlockTestCase test) {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        Block genesis = Block.decode(test.genesisRlp().unsafeArray());
        WriteBatch genesisBatch = new WriteBatch();
        Bytes32 preRoot = stateOf(test.pre(), store).commit(genesisBatch);
        if (!preRoot.equals(genesis.header().stateRoot()))
            return "the pre-state root " + preRoot + " is not the genesis state root " + genesis.header().stateRoot();
        KeyValueBlockStore blocks = new KeyValueBlockStore(store, SUITE);
        blocks.append(genesis, List.of(), genesisBatch);
        BlockImporter importer = new BlockImporter(new EthereumCancun(), Fork.CANCUN, SUITE, CHAIN_ID, store, blocks,
                SealVerifier.NONE);
        for (int i = 0; i < test.blocks().size(); i++) {
            FixtureBlock b = test.blocks().get(i);
            ImportResult result = importer.importRlp(b.rlp().unsafeArray());
            String expected = b.expectException();
            if (expected == null && result instanceof ImportResult.Refused refused)
                return "block " + i + " refused: " + refused.refusal();
            if (expected != null) {
                if (!(result instanceof ImportResult.Refused refused))
                    return "block " + i + " imported, expected " + expected;
                if (!FixtureExceptions.matches(expected, refused.refusal()))
                    return "block " + i + " refused as " + refused.refusal() + ", expected " + expected
                            + (FixtureExceptions.isKnown(expected) ? "" : " (a name not in the exception table)");
            }
        }
        Bytes32 head = blocks.head().orElseThrow().hash(SUITE);
        if (!head.equals(test.lastBlockHash()))
            return "head " + head + " (block " + blocks.head().orElseThrow().number() + "), expected "
                    + test.lastBlockHash();
        Bytes32 expectedRoot = test.postState() != null
                ? stateOf(test.postState(), new InMemoryKeyValueStore()).rootHash()
                : test.postStateHash();
        Bytes32 root = blocks.head().orElseThrow().stateRoot();
        if (!root.equals(expectedRoot))
            return "state root at the head " + root + ", the expected post-state's is " + expectedRoot;
        return null;
    }

    private static WorldState stateOf(Map<Address, FixtureAccount> accounts, InMemoryKeyValueStore store) {
        WorldState world = WorldState.empty(store, BlockHashes.NONE);
        accounts.forEach((address, a) -> world.putAccount(address, a.nonce(), a.balance(), a.code(), a.storage()));
        return world;
    }
}

package org.stele.execution.statetest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.crypto.Keccak256;
import org.stele.common.rlp.RlpWriter;
import org.stele.evm.BlockContext;
import org.stele.evm.Log;
import org.stele.execution.BlobGas;
import org.stele.execution.TransactionProcessor;
import org.stele.execution.TransactionRequest;
import org.stele.execution.TransactionResult;
import org.stele.state.BlockHashes;
import org.stele.state.WorldState;
import org.stele.storage.InMemoryKeyValueStore;

/**
 * Runs state-test fixtures: for each post entry of the chosen fork, builds the pre-state in a fresh store, runs the
 * indexed transaction through {@link TransactionProcessor}, and compares the state root and logs hash.
 *
 * <p>
 * Cases are independent (each has its own store and state), so files may run on several threads; results are
 * delivered in file order and, within a file, in fixture order, whatever the thread count.
 */
public final class StateTestRunner {
    /** The chain id the reference fixtures are signed for. */
    public static final long CHAIN_ID = 1;
    /** keccak(rlp([])): the logs hash of a transaction without logs. */
    public static final Bytes32 EMPTY_LOGS_HASH = Bytes32.wrap(Keccak256.hash(new byte[]{(byte) 0xc0}));
    /** The fixtures' block hashes are keccak of the block number written in decimal, as go-ethereum's runner has it. */
    public static final BlockHashes FIXTURE_BLOCK_HASHES = number -> Bytes32
            .wrap(Keccak256.hash(Long.toString(number).getBytes(StandardCharsets.US_ASCII)));

    private final Fork fork;
    private final Pattern nameFilter;
    private final ThreadLocal<TransactionProcessor> processors;

    /**
     * @param nameFilter
     *            runs only tests whose name contains a match, or all when null
     * @throws IllegalArgumentException
     *             when the EVM does not support {@code fork}
     */
    public StateTestRunner(Fork fork, Pattern nameFilter) {
        this.fork = Objects.requireNonNull(fork, "fork");
        this.nameFilter = nameFilter;
        new TransactionProcessor(fork); // fails fast on a fork the EVM does not support
        this.processors = ThreadLocal.withInitial(() -> new TransactionProcessor(fork));
    }

    public Fork fork() {
        return fork;
    }

    /** Totals of a run. */
    public record Summary(int passed, int failed) {
        public int total() {
            return passed + failed;
        }
    }

    /**
     * The fixture files under {@code paths}: a file is taken as it is, a directory is searched recursively for
     * {@code *.json}; the result is sorted so that runs are reproducible.
     *
     * @throws IllegalArgumentException
     *             naming a path that does not exist
     */
    public static List<Path> fixtureFiles(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isRegularFile(p)) {
                files.add(p);
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json")).sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p, e);
                }
            } else {
                throw new IllegalArgumentException("no such file or directory: " + p);
            }
        }
        return files;
    }

    /**
     * Runs every matching case of {@code files} on {@code threads} threads, handing each result to {@code sink} in
     * order.
     */
    public Summary run(List<Path> files, int threads, Consumer<StateTestResult> sink) {
        int[] counts = new int[2];
        ParallelFixtures.run(files, threads, "statetest", this::runFile, r -> {
            counts[r.pass() ? 0 : 1]++;
            sink.accept(r);
        });
        return new Summary(counts[0], counts[1]);
    }

    /** Every matching case of one file; a file that cannot be parsed yields one failed result naming it. */
    public List<StateTestResult> runFile(Path file) {
        List<StateTestCase> tests;
        try {
            tests = StateTestParser.parseFile(file);
        } catch (FixtureFormatException e) {
            return List.of(new StateTestResult(file.getFileName().toString(), file.toString(), fork.fixtureName(), -1,
                    -1, -1, false, null, null, e.getMessage()));
        }
        List<StateTestResult> results = new ArrayList<>();
        for (StateTestCase test : tests) {
            if (nameFilter != null && !nameFilter.matcher(test.name()).find())
                continue;
            for (Map.Entry<String, List<FixturePost>> e : test.post().entrySet()) {
                if (!isFork(e.getKey()))
                    continue;
                for (FixturePost post : e.getValue())
                    results.add(runCase(test, post));
            }
        }
        return results;
    }

    private boolean isFork(String fixtureForkName) {
        try {
            return Fork.fromName(fixtureForkName) == fork;
        } catch (IllegalArgumentException unknownFork) {
            return false;
        }
    }

    /** Runs one post entry of {@code test} under this runner's fork. */
    public StateTestResult runCase(StateTestCase test, FixturePost post) {
        try {
            return check(test, post, execute(test, post));
        } catch (RuntimeException | StackOverflowError e) {
            return result(test, post, false, null, null, "internal error: " + e);
        }
    }

    /** What running a case produced. */
    private record Outcome(Bytes32 root, Bytes32 logsHash, TransactionResult result) {}

    private Outcome execute(StateTestCase test, FixturePost post) {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        WorldState genesis = WorldState.empty(store, FIXTURE_BLOCK_HASHES);
        test.pre().forEach((address, a) -> genesis.putAccount(address, a.nonce(), a.balance(), a.code(),
                a.storage()));
        Bytes32 preRoot = genesis.commit();
        WorldState world = WorldState.open(store, preRoot, FIXTURE_BLOCK_HASHES);

        FixtureEnv env = test.env();
        TransactionResult result;
        TransactionRequest tx = FixtureTransactions.request(test.transaction(), post);
        if (tx == null) {
            result = new TransactionResult.Invalid(org.stele.execution.InvalidTransaction.RLP_INVALID_VALUE,
                    "a transaction field does not fit its encoding");
        } else {
            result = processors.get().process(world, blockContext(env), tx, env.gasLimit());
        }
        Bytes32 logsHash = EMPTY_LOGS_HASH;
        if (result instanceof TransactionResult.Executed executed) {
            world.apply(executed.changes());
            logsHash = logsHash(executed.logs());
        }
        return new Outcome(world.rootHash(), logsHash, result);
    }

    private StateTestResult check(StateTestCase test, FixturePost post, Outcome o) {
        String expected = post.expectException();
        if (expected != null) {
            if (!(o.result() instanceof TransactionResult.Invalid invalid))
                return result(test, post, false, o.root(), o.logsHash(),
                        "expected " + expected + " but the transaction was valid");
            if (!List.of(expected.split("\\|")).contains(invalid.reason().fixtureName()))
                return result(test, post, false, o.root(), o.logsHash(),
                        "expected " + expected + " but got " + invalid.reason().fixtureName() + ": "
                                + invalid.message());
        } else if (o.result() instanceof TransactionResult.Invalid invalid) {
            return result(test, post, false, o.root(), o.logsHash(),
                    "transaction rejected: " + invalid.reason().fixtureName() + ": " + invalid.message());
        }
        if (!o.root().equals(post.hash()))
            return result(test, post, false, o.root(), o.logsHash(),
                    "state root " + o.root() + ", expected " + post.hash() + describe(o.result()));
        if (!o.logsHash().equals(post.logs()))
            return result(test, post, false, o.root(), o.logsHash(),
                    "logs hash " + o.logsHash() + ", expected " + post.logs() + describe(o.result()));
        return result(test, post, true, o.root(), o.logsHash(), null);
    }

    private static String describe(TransactionResult r) {
        return r instanceof TransactionResult.Executed e
                ? " (status " + e.status() + ", gas used " + e.gasUsed() + ")"
                : "";
    }

    private StateTestResult result(StateTestCase test, FixturePost post, boolean pass, Bytes32 root, Bytes32 logs,
            String error) {
        return new StateTestResult(test.name(), test.file().toString(), fork.fixtureName(), post.dataIndex(),
                post.gasIndex(), post.valueIndex(), pass, root, logs, error);
    }

    /** The block a fixture describes, as the EVM sees it. */
    public BlockContext blockContext(FixtureEnv env) {
        BigInteger baseFee = env.baseFee() == null ? BigInteger.ZERO : env.baseFee();
        Bytes32 random = env.random() != null
                ? env.random()
                : Bytes32.leftPad(stripSign(env.difficulty().toByteArray()));
        long excess = env.excessBlobGas() == null ? 0 : env.excessBlobGas();
        return new BlockContext(env.coinbase(), env.number(), env.timestamp(), env.gasLimit(), baseFee,
                env.difficulty(), random, CHAIN_ID, BlobGas.baseFee(excess));
    }

    private static byte[] stripSign(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length)
                : twosComplement;
    }

    /** keccak(rlp([[address, [topics], data], ...])), the {@code logs} field of a fixture. */
    public static Bytes32 logsHash(List<Log> logs) {
        RlpWriter w = new RlpWriter();
        w.startList();
        for (Log log : logs) {
            w.startList().writeBytes(log.address()).startList();
            for (Bytes32 t : log.topics())
                w.writeBytes(t);
            w.endList().writeBytes(log.data()).endList();
        }
        w.endList();
        return Bytes32.wrap(Keccak256.hash(w.toByteArray()));
    }
}

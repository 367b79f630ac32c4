package org.stele.node.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.stele.execution.blocktest.BlockTestRunner;
import org.stele.execution.statetest.StateTestRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stele evm blocktest}: runs Ethereum blockchain-test fixtures through the block importer, as geth's
 * {@code evm blocktest} and Besu's {@code evmtool block-test} do: one JSON object a line per case on stdout, a summary
 * on stderr, and a non-zero exit status when a case fails. The work is done by {@link BlockTestRunner}.
 */
@Command(name = "blocktest", mixinStandardHelpOptions = true, description = "Run Ethereum blockchain-test fixtures (BlockchainTests format) through the block importer; one JSON line per case.")
public final class BlockTestCommand implements Callable<Integer> {
    @Option(names = "--run", description = "Run only tests whose name matches this regular expression.")
    String run;

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads; 0 means one per CPU.")
    int threads;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Fixture files, or directories searched for *.json.")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        BlockTestRunner runner;
        List<Path> files;
        try {
            runner = new BlockTestRunner(run == null ? null : Pattern.compile(run));
            files = StateTestRunner.fixtureFiles(paths);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("stele evm blocktest: " + e.getMessage());
            return 2;
        }
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        BlockTestRunner.Summary summary = runner.run(files, workers, r -> out.println(r.toJson()));
        out.flush();
        err.println(summary.passed() + " passed, " + summary.failed() + " failed"
                + (summary.skipped() > 0
                        ? ", " + summary.skipped() + " skipped (not " + BlockTestRunner.NETWORK + ")"
                        : ""));
        return summary.failed() == 0 ? 0 : 1;
    }
}

package org.stele.node.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.stele.common.Fork;
import org.stele.execution.statetest.StateTestRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stele evm statetest}: runs Ethereum state-test fixtures the way geth's {@code evm statetest} does, printing
 * one JSON object a line per case and a last line {@code N passed, M failed}. The work is done by
 * {@link StateTestRunner}; this class only reads the options and prints.
 */
@Command(name = "statetest", mixinStandardHelpOptions = true, description = "Run Ethereum state-test fixtures (GeneralStateTests format); one JSON line per case.")
public final class StateTestCommand implements Callable<Integer> {
    @Option(names = "--fork", defaultValue = "Cancun", description = "Fork whose post entries to run (default: ${DEFAULT-VALUE}).")
    String fork;

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
        Fork f;
        Pattern filter;
        List<Path> files;
        try {
            f = Fork.fromName(fork);
            filter = run == null ? null : Pattern.compile(run);
            files = StateTestRunner.fixtureFiles(paths);
        } catch (IllegalArgumentException e) { // includes PatternSyntaxException
            err.println("stele evm statetest: " + e.getMessage());
            return 2;
        }
        StateTestRunner runner;
        try {
            runner = new StateTestRunner(f, filter);
        } catch (IllegalArgumentException e) {
            err.println("stele evm statetest: " + e.getMessage());
            return 2;
        }
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        StateTestRunner.Summary summary = runner.run(files, workers, r -> out.println(r.toJson()));
        out.println(summary.passed() + " passed, " + summary.failed() + " failed");
        out.flush();
        return summary.failed() == 0 ? 0 : 1;
    }
}

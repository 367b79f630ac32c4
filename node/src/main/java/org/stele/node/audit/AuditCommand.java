package org.stele.node.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stele audit verify FILE}: checks a node's audit log for changed, removed or reordered entries. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The node's audit log of admin calls and configuration.", subcommands = {
        AuditCommand.Verify.class})
public final class AuditCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Check the hash chain of an audit log (DATA-PATH/audit.log).")
    static final class Verify implements Callable<Integer> {
        @Parameters(index = "0", description = "The audit log file.")
        Path file;

        @Override
        public Integer call() {
            try {
                Optional<String> broken = AuditLog.verify(file);
                if (broken.isPresent()) {
                    System.err.println("stele audit: " + file + ": " + broken.get());
                    return 1;
                }
                System.out.println(file + ": " + Files.readAllLines(file).size() + " entries, the chain is intact");
                return 0;
            } catch (IOException e) {
                System.err.println("stele audit: cannot read " + file + ": " + e.getMessage());
                return 1;
            }
        }
    }
}

package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EvmRunCommandTest {
    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new EvmRunCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void runPrintsOutputAndGasUsed() {
        // 2 + 3, MSTORE at 0, RETURN 32 bytes
        Run r = run("--code", "600260030160005260206000f3", "--gas", "100000");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("0x0000000000000000000000000000000000000000000000000000000000000005");
        assertThat(r.out()).contains("gas used: 24");
    }

    @Test
    void calldataIsPassedToTheCode() {
        Run r = run("--code", "60003560005260206000f3", "--input",
                "0x00000000000000000000000000000000000000000000000000000000000000ff");
        assertThat(r.out()).contains("00ff\n");
    }

    @Test
    void benchPrintsAMedian() {
        Run r = run("--code", "6001600101", "--bench", "--warmup-ms", "50", "--bench-ms", "50");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("execution time (median of");
    }

    @Test
    void badHexIsAUsageError() {
        Run r = run("--code", "60zz");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--code is not valid hex");
    }

    @Test
    void aFailingProgramExitsNonZero() {
        Run r = run("--code", "fe");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("status: INVALID_OPCODE");
    }
}

package org.stele.node.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.Hex;
import org.stele.evm.BlockContext;
import org.stele.evm.Evm;
import org.stele.evm.ExecutionResult;
import org.stele.evm.InMemoryWorld;
import org.stele.evm.Message;
import org.stele.evm.TxContext;
import org.stele.evm.state.JournaledState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code stele evm run}: runs raw bytecode as the code of one contract in an otherwise empty in-memory state, like
 * geth's {@code evm run}. With {@code --bench} it repeats the run after a warm-up and prints the median time, which is
 * how interpreter figures in docs/performance.md are taken.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run EVM bytecode against an empty in-memory state.")
public final class EvmRunCommand implements Callable<Integer> {
    static final Address SENDER = Address.fromHex("0x000000000000000000000000000000000000c0de");
    static final Address CONTRACT = Address.fromHex("0x0000000000000000000000000000000000c0ffee");

    @Spec
    CommandSpec spec;

    @Option(names = "--code", description = "Bytecode as hex.")
    String code;

    @Option(names = "--codefile", description = "File holding the bytecode as hex.")
    Path codeFile;

    @Option(names = "--input", description = "Call data as hex.", defaultValue = "")
    String input;

    @Option(names = "--gas", description = "Gas limit (default ${DEFAULT-VALUE}).", defaultValue = "10000000000")
    long gas;

    @Option(names = "--fork", description = "Fork rules (default ${DEFAULT-VALUE}).", defaultValue = "Cancun")
    String fork;

    @Option(names = "--bench", description = "Repeat after a warm-up and print the median execution time.")
    boolean bench;

    @Option(names = "--warmup-ms", description = "Warm-up time for --bench (default ${DEFAULT-VALUE}).", defaultValue = "3000")
    long warmupMs;

    @Option(names = "--bench-ms", description = "Measuring time for --bench (default ${DEFAULT-VALUE}).", defaultValue = "3000")
    long benchMs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        byte[] bytecode = readCode();
        byte[] data = hex("--input", input);
        Fork f = Fork.fromName(fork);
        Evm evm = new Evm(f);
        InMemoryWorld world = new InMemoryWorld();
        world.put(SENDER, 0, BigInteger.TEN.pow(30), Bytes.EMPTY);
        world.put(CONTRACT, 1, BigInteger.ZERO, Bytes.wrap(bytecode));
        BlockContext block = new BlockContext(Address.ZERO, 1, 0, Long.MAX_VALUE, BigInteger.ZERO, BigInteger.ZERO,
                Bytes32.ZERO, 1, BigInteger.ONE);
        TxContext tx = new TxContext(SENDER, BigInteger.ZERO, List.of());
        Message msg = Message.call(SENDER, CONTRACT, BigInteger.ZERO, Bytes.wrap(data), gas);

        ExecutionResult r = evm.execute(new JournaledState(world), msg, block, tx);
        out.println(r.output().toHex());
        out.println("status: " + r.status());
        out.println("gas used: " + (gas - r.gasLeft()));
        if (bench) {
            long warmEnd = System.nanoTime() + warmupMs * 1_000_000;
            while (System.nanoTime() < warmEnd)
                evm.execute(new JournaledState(world), msg, block, tx);
            long[] times = new long[1 << 20];
            int n = 0;
            long benchEnd = System.nanoTime() + benchMs * 1_000_000;
            while ((System.nanoTime() < benchEnd || n < 5) && n < times.length) {
                long t0 = System.nanoTime();
                evm.execute(new JournaledState(world), msg, block, tx);
                times[n++] = System.nanoTime() - t0;
            }
            long[] sorted = Arrays.copyOf(times, n);
            Arrays.sort(sorted);
            long median = sorted[n / 2];
            out.printf("execution time (median of %d runs): %s%n", n, format(median));
        }
        out.flush();
        return r.isSuccess() ? 0 : 1;
    }

    private byte[] readCode() throws Exception {
        if ((code == null) == (codeFile == null))
            throw new ParameterException(spec.commandLine(), "give exactly one of --code or --codefile");
        String hex = code != null ? code : Files.readString(codeFile, StandardCharsets.US_ASCII);
        return hex(code != null ? "--code" : "--codefile", hex);
    }

    private byte[] hex(String what, String hex) {
        try {
            return Hex.decodeStrict(hex.strip());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), what + " is not valid hex: " + e.getMessage());
        }
    }

    static String format(long nanos) {
        if (nanos >= 1_000_000)
            return String.format("%.3f ms", nanos / 1e6);
        if (nanos >= 1_000)
            return String.format("%.3f µs", nanos / 1e3);
        return nanos + " ns";
    }
}

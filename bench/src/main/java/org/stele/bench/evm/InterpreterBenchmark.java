package org.stele.bench.evm;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.evm.BlockContext;
import org.stele.evm.Evm;
import org.stele.evm.ExecutionResult;
import org.stele.evm.InMemoryWorld;
import org.stele.evm.Message;
import org.stele.evm.TxContext;
import org.stele.evm.state.JournaledState;

/**
 * Time to run each of {@link EvmPrograms} once, as one transaction on an in-memory state (fresh journal each time).
 * Run: {@code java -jar bench/target/benchmarks.jar InterpreterBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InterpreterBenchmark {
    static final Address SENDER = Address.fromHex("0x000000000000000000000000000000000000c0de");
    static final Address CONTRACT = Address.fromHex("0x0000000000000000000000000000000000c0ffee");

    @Param({"arithmetic", "keccak", "memcopy", "storage", "deepcall", "snailtracer"})
    public String program;

    private Evm evm;
    private InMemoryWorld world;
    private Message message;
    private BlockContext block;
    private TxContext tx;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] code = EvmPrograms.all().get(program);
        world = new InMemoryWorld();
        world.put(SENDER, 0, BigInteger.TEN.pow(30), Bytes.EMPTY);
        world.put(CONTRACT, 1, BigInteger.ZERO, Bytes.wrap(code));
        evm = new Evm(org.stele.common.Fork.CANCUN);
        block = new BlockContext(Address.ZERO, 1, 0, Long.MAX_VALUE, BigInteger.ZERO, BigInteger.ZERO, Bytes32.ZERO, 1,
                BigInteger.ONE);
        tx = new TxContext(SENDER, BigInteger.ZERO, List.of());
        message = Message.call(SENDER, CONTRACT, BigInteger.ZERO, Bytes.EMPTY, 10_000_000_000_000L);
        ExecutionResult r = run();
        if (!r.isSuccess())
            throw new IllegalStateException(program + " did not succeed: " + r.status());
    }

    @Benchmark
    public ExecutionResult run() {
        return evm.execute(new JournaledState(world), message, block, tx);
    }
}

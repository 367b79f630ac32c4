package org.stele.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.stele.common.crypto.Keccak256;

/**
 * Keccak-256 on Stele's hand-written permutation against BouncyCastle's {@link KeccakDigest}, both the way the node
 * hashes (a fresh one-shot call per input) and with one reused BouncyCastle digest, its best case.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class KeccakBenchmark {
    /** A word, one rate-sized block (a typical trie node or a short transaction), 1 KiB, 64 KiB. */
    @Param({"32", "136", "1024", "65536"})
    public int size;

    private byte[] input;
    private final KeccakDigest reused = new KeccakDigest(256);
    private final byte[] out = new byte[32];

    @Setup
    public void setUp() {
        input = new byte[size];
        new Random(42).nextBytes(input);
    }

    @Benchmark
    public byte[] stele() {
        return Keccak256.hash(input);
    }

    @Benchmark
    public byte[] bouncyCastle() {
        KeccakDigest d = new KeccakDigest(256);
        d.update(input, 0, input.length);
        byte[] result = new byte[32];
        d.doFinal(result, 0);
        return result;
    }

    @Benchmark
    public byte[] bouncyCastleReusedDigest() {
        reused.update(input, 0, input.length);
        reused.doFinal(out, 0);
        return out;
    }

    /**
     * A cross-check for shared or loaded machines, where JMH's wall-clock figures swing with other processes: the two
     * implementations run in alternating rounds on one thread and are charged that thread's CPU time only.
     * {@code java -cp bench/target/benchmarks.jar org.stele.bench.KeccakBenchmark}
     */
    public static void main(String[] args) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int size : new int[]{32, 136, 1024, 65536}) {
            KeccakBenchmark b = new KeccakBenchmark();
            b.size = size;
            b.setUp();
            int calls = Math.max(50, 4_000_000 / Math.max(size, 136));
            long stele = 0;
            long bc = 0;
            for (int round = 0; round < 16; round++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++)
                    sink += b.stele()[0];
                long t1 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++)
                    sink += b.bouncyCastle()[0];
                long t2 = cpu.getCurrentThreadCpuTime();
                if (round >= 6) { // the first rounds are JIT warm-up
                    stele += t1 - t0;
                    bc += t2 - t1;
                }
            }
            double steleNs = stele / (10.0 * calls);
            double bcNs = bc / (10.0 * calls);
            System.out.printf(
                    "%6d B: stele %10.1f ns (%4.0f MB/s)  bouncycastle %10.1f ns (%4.0f MB/s)  speed-up %.2fx%n",
                    size, steleNs, size * 1e3 / steleNs, bcNs, size * 1e3 / bcNs, bcNs / steleNs);
        }
        if (sink == 42)
            System.out.println();
    }
}

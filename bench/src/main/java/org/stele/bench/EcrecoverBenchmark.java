package org.stele.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.stele.common.Address;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.common.crypto.Signature;

/**
 * Sender recovery (hash, r, s, recovery id to address, as transactions and the ecrecover precompile do it) on
 * libsecp256k1 and on the pure-Java fallback, with BouncyCastle's plain ECDSA verify as a reference point.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EcrecoverBenchmark {
    private static final Secp256k1KeccakSuite NATIVE = Secp256k1KeccakSuite.nativeBacked();
    private static final Secp256k1KeccakSuite PURE_JAVA = Secp256k1KeccakSuite.pureJava();

    private byte[] hash;
    private byte[] r;
    private byte[] s;
    private int recoveryId;
    private ECPublicKeyParameters bcPublicKey;
    private BigInteger bcR;
    private BigInteger bcS;

    @Setup
    public void setUp() {
        KeyPair key = NATIVE.keyPair(NATIVE.hash("benchmark key".getBytes(StandardCharsets.US_ASCII)));
        hash = NATIVE.hash("a transaction's signing payload".getBytes(StandardCharsets.US_ASCII));
        Signature sig = NATIVE.sign(hash, key);
        r = sig.r().toArray();
        s = sig.s().toArray();
        recoveryId = sig.recoveryId();

        X9ECParameters params = CustomNamedCurves.getByName("secp256k1");
        ECDomainParameters domain = new ECDomainParameters(params.getCurve(), params.getG(), params.getN(),
                params.getH());
        byte[] encoded = new byte[65];
        encoded[0] = 0x04;
        System.arraycopy(key.publicKey().xy().toArray(), 0, encoded, 1, 64);
        bcPublicKey = new ECPublicKeyParameters(params.getCurve().decodePoint(encoded), domain);
        bcR = new BigInteger(1, r);
        bcS = new BigInteger(1, s);
        if (!NATIVE.recoverAddress(hash, r, s, recoveryId).equals(PURE_JAVA.recoverAddress(hash, r, s, recoveryId)))
            throw new IllegalStateException("the backends disagree");
    }

    @Benchmark
    public Address nativeRecover() {
        return NATIVE.recoverAddress(hash, r, s, recoveryId);
    }

    @Benchmark
    public Address pureJavaRecover() {
        return PURE_JAVA.recoverAddress(hash, r, s, recoveryId);
    }

    @Benchmark
    public boolean bouncyCastleVerify() {
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, bcPublicKey);
        return verifier.verifySignature(hash, bcR, bcS);
    }

    /**
     * A cross-check for shared or loaded machines: native recovery, pure-Java recovery and BouncyCastle's verify run in
     * alternating rounds on one thread and are charged that thread's CPU time only.
     * {@code java -cp bench/target/benchmarks.jar org.stele.bench.EcrecoverBenchmark}
     */
    public static void main(String[] args) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        EcrecoverBenchmark b = new EcrecoverBenchmark();
        b.setUp();
        int calls = 300;
        long nativeNs = 0;
        long javaNs = 0;
        long verifyNs = 0;
        long sink = 0;
        for (int round = 0; round < 16; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++)
                sink += b.nativeRecover().hashCode();
            long t1 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++)
                sink += b.pureJavaRecover().hashCode();
            long t2 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++)
                sink += b.bouncyCastleVerify() ? 1 : 0;
            long t3 = cpu.getCurrentThreadCpuTime();
            if (round >= 6) { // the first rounds are JIT warm-up
                nativeNs += t1 - t0;
                javaNs += t2 - t1;
                verifyNs += t3 - t2;
            }
        }
        double n = nativeNs / (10.0 * calls * 1000);
        double j = javaNs / (10.0 * calls * 1000);
        double v = verifyNs / (10.0 * calls * 1000);
        System.out.printf(
                "native recover %.1f us  pure-Java recover %.1f us  BouncyCastle verify %.1f us  native speed-up %"
                        + ".2fx%n",
                n, j, v, j / n);
        if (sink == 42)
            System.out.println();
    }
}

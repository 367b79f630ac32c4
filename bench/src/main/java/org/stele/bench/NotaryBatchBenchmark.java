package org.stele.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.stele.apps.notary.HashAlgorithm;
import org.stele.apps.notary.MerkleTree;
import org.stele.apps.notary.NotaryClient;
import org.stele.apps.notary.NotaryProof;
import org.stele.proof.ProofJson;
import org.stele.proof.TransactionProof;

/**
 * The notary's batch proofs (issue 18: a proof for a batch of 100,000 hashes in under 10 s): from the documents'
 * hashes to every document's {@code stele-notary/1} proof, i.e. the batch tree, each document's Merkle path, and the
 * proof record that pairs it with the anchoring transaction's proof (the same one for the whole batch, here the shared
 * vector proof/vectors/genuine.json; run from the repository's root). Hashing the documents themselves is not counted:
 * it is the reading of the files, linear in their size. One proof is also written out as JSON, as the CLI does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class NotaryBatchBenchmark {
    @Param({"100000"})
    public int size;

    @Param({"sha-256", "sm3"})
    public String algorithm;

    private List<byte[]> hashes;
    private TransactionProof anchor;

    @Setup
    public void setUp() {
        Random random = new Random(18);
        hashes = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte[] h = new byte[32];
            random.nextBytes(h);
            hashes.add(h);
        }
        anchor = ProofJson.read(Path.of("proof/vectors/genuine.json"));
    }

    @Benchmark
    public String everyDocumentsProof() {
        MerkleTree tree = MerkleTree.build(HashAlgorithm.of(algorithm), hashes);
        List<NotaryProof> proofs = NotaryClient.batchProofs(tree, hashes, "0x" + "11".repeat(20), anchor);
        return proofs.get(size / 2).write();
    }
}

package org.stele.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.trie.MerklePatriciaTrie;
import org.stele.trie.NodeStore;

/**
 * Merkle Patricia Trie over the in-memory store: building a trie of N random 32-byte keys and hashing its root (what
 * a block's state commit costs), committing it to the store, and point reads from a trie in memory and from one
 * freshly loaded from the store.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar TrieBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrieBenchmark {
    @Param({"1000", "10000"})
    int entries;

    private Bytes[] keys;
    private Bytes[] values;
    private MerklePatriciaTrie built;
    private NodeStore store;
    private Bytes32 committedRoot;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(20261121);
        keys = new Bytes[entries];
        values = new Bytes[entries];
        for (int i = 0; i < entries; i++) {
            byte[] k = new byte[32];
            random.nextBytes(k);
            keys[i] = Bytes.wrap(k);
            byte[] v = new byte[32];
            random.nextBytes(v);
            values[i] = Bytes.wrap(v);
        }
        store = NodeStore.of(new InMemoryKeyValueStore());
        built = MerklePatriciaTrie.empty(store);
        for (int i = 0; i < entries; i++)
            built.put(keys[i], values[i]);
        committedRoot = built.copy().commit();
    }

    /** Insert N keys into an empty trie and compute the root. */
    @Benchmark
    public Bytes32 insertAllThenRoot() {
        MerklePatriciaTrie trie = MerklePatriciaTrie.empty(store);
        for (int i = 0; i < entries; i++)
            trie.put(keys[i], values[i]);
        return trie.rootHash();
    }

    /** Insert N keys, then stage every node in one batch and write it to the in-memory store. */
    @Benchmark
    public Bytes32 insertAllThenCommit() {
        MerklePatriciaTrie trie = MerklePatriciaTrie.empty(NodeStore.of(new InMemoryKeyValueStore()));
        for (int i = 0; i < entries; i++)
            trie.put(keys[i], values[i]);
        return trie.commit();
    }

    /** One read of an existing key from a trie whose nodes are all in memory. */
    @Benchmark
    public void getInMemory(Blackhole bh) {
        int i = next++;
        if (next == entries)
            next = 0;
        bh.consume(built.get(keys[i]));
    }

    /** Load the committed root and read 100 keys, resolving nodes from the store on the way. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void get100FromStore(Blackhole bh) {
        MerklePatriciaTrie trie = MerklePatriciaTrie.load(store, committedRoot);
        for (int j = 0; j < 100; j++) {
            int i = next++;
            if (next == entries)
                next = 0;
            bh.consume(trie.get(keys[i]));
        }
    }
}

package org.stele.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.stele.apps.identity.DidRegistry;
import org.stele.apps.identity.cli.RegistryChange;
import org.stele.apps.identity.resolver.DidIndex;
import org.stele.apps.identity.resolver.DidResolution;
import org.stele.apps.identity.resolver.DidResolver;
import org.stele.apps.identity.resolver.StoreDidChain;
import org.stele.chain.BaseFee;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.EthereumCancun;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Fork;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.Genesis;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.storage.KeyValueStore;
import org.stele.storage.RocksDbKeyValueStore;

/**
 * Resolving a did:ethr DID with {@code changes} changes (delegates, keys, services, revocations, one per block) through
 * the resolver library, from the DID index on RocksDB, as the node's {@code /1.0/identifiers/} endpoint does: the
 * index scan, the block headers of the version, the document and the JSON written out. Sampled, for the median (the
 * issue's goal is p50 at or below 5 ms for 100 changes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DidResolutionBenchmark {
    private static final long CHAIN_ID = 31337;
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();

    @Param({"100"})
    public int changes;

    private Path dir;
    private KeyValueStore store;
    private DidResolver resolver;
    private String did;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("stele-did-bench");
        store = RocksDbKeyValueStore.open(dir);
        DidIndex index = new DidIndex(store);
        KeyValueBlockStore blocks = new KeyValueBlockStore(store, SUITE, new EthereumCancun(), List.of(index));
        KeyPair owner = SUITE.keyPair(Bytes.fromHex("0x" + "11".repeat(32)).toArray());
        Address identity = SUITE.address(owner.publicKey());
        Genesis.Built g = new Genesis(CHAIN_ID, 0, 60_000_000, BaseFee.INITIAL, Address.ZERO, Bytes.EMPTY,
                Map.of(identity, Genesis.Allocation.balance(BigInteger.TEN.pow(24)), DidRegistry.ADDRESS,
                        new Genesis.Allocation(BigInteger.ZERO, 1, DidRegistry.code(), Map.of())))
                .build(store);
        blocks.append(g.block(), List.of(), g.batch());
        BlockExecutor executor = new BlockExecutor(Fork.CANCUN, SUITE, CHAIN_ID, store, blocks);
        BigInteger year = BigInteger.valueOf(365L * 86_400);
        for (int i = 0; i < changes; i++) {
            Address delegate = Address.wrap(Bytes.fromHex(String.format("0x%040x", i + 1)).toArray());
            RegistryChange change = switch (i % 4) {
                case 0 -> new RegistryChange.AddDelegate(RegistryChange.name(i % 8 == 0 ? "veriKey" : "sigAuth"),
                        delegate, year);
                case 1 -> new RegistryChange.SetAttribute(RegistryChange.name("did/svc/Service" + i),
                        Bytes.wrap(("https://s" + i + ".example.org").getBytes(StandardCharsets.UTF_8)), year);
                case 2 -> new RegistryChange.SetAttribute(RegistryChange.name("did/pub/Secp256k1/veriKey/hex"),
                        Bytes.fromHex("0x02" + String.format("%064x", i + 1)), year);
                default -> new RegistryChange.RevokeDelegate(RegistryChange.name("veriKey"),
                        Address.wrap(Bytes.fromHex(String.format("0x%040x", i - 2)).toArray()));
            };
            BlockHeader parent = blocks.head().orElseThrow();
            var tx = new FeeMarketTransaction(BigInteger.valueOf(CHAIN_ID), i, BigInteger.ONE,
                    BigInteger.TEN.pow(11), 300_000, java.util.Optional.of(DidRegistry.ADDRESS), BigInteger.ZERO,
                    change.call(identity), List.of(), TransactionSignature.UNSIGNED).sign(owner, SUITE);
            BlockExecutor.Result r = executor.build(parent, parent.timestamp() + 1, Address.ZERO,
                    List.of(new BlockExecutor.Candidate(tx, identity)));
            if (r.receipts().size() != 1 || !r.receipts().getFirst().success())
                throw new IllegalStateException("change " + i + " was not accepted");
            blocks.append(r.block(), r.receipts(), r.batch());
        }
        resolver = new DidResolver(new StoreDidChain(blocks, index, CHAIN_ID),
                InstantSource.fixed(Instant.ofEpochSecond(changes + 10)));
        did = "did:ethr:0x7a69:" + identity.toChecksumHex();
        DidResolution first = resolver.resolve(did, Map.of());
        String versionId = first.result().at("/didDocumentMetadata/versionId").asText();
        if (!versionId.equals(Integer.toString(changes)))
            throw new IllegalStateException("the DID's version is " + versionId + ", not " + changes);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The latest version, written as the endpoint's JSON body. */
    @Benchmark
    public byte[] resolveLatest() {
        return resolver.resolve(did, Map.of()).result().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A version in the middle of the history, which also names the next version. */
    @Benchmark
    public byte[] resolveVersion() {
        return resolver.resolve(did, Map.of("versionId", Integer.toString(changes / 2))).result().toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}

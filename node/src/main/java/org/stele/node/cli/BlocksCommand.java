package org.stele.node.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.stele.chain.BlockHeader;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.execution.genesis.GenesisFile;
import org.stele.execution.genesis.GenesisFormatException;
import org.stele.execution.importer.BlockFile;
import org.stele.execution.importer.BlockImporter;
import org.stele.execution.importer.GenesisChain;
import org.stele.execution.importer.ImportResult;
import org.stele.execution.importer.SealVerifier;
import org.stele.chain.rules.SteleQbft;
import org.stele.node.validator.QbftSealVerifier;
import org.stele.storage.CachedSegmentStore;
import org.stele.storage.KeyValueStore;
import org.stele.storage.RocksDbKeyValueStore;
import org.stele.storage.Segment;
import org.stele.storage.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stele blocks import|export}: RLP block files, as geth's {@code import} and {@code export} write and read them.
 * Import goes through the {@link BlockImporter}, so an imported chain is checked block by block exactly as a proposed
 * or synced one.
 */
@Command(name = "blocks", mixinStandardHelpOptions = true, description = "Import or export a chain as an RLP block file.", subcommands = {
        BlocksCommand.Import.class, BlocksCommand.Export.class})
public final class BlocksCommand implements Runnable {
    static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    /** Trie nodes and code kept in memory while importing. */
    private static final long STATE_CACHE_BYTES = 64L << 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static KeyValueStore openStore(Path dataDir) {
        return new CachedSegmentStore(RocksDbKeyValueStore.open(dataDir), Set.of(Segment.TRIE_NODES, Segment.CODE),
                STATE_CACHE_BYTES);
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Import blocks from an RLP file into a data directory, creating it from a genesis file.")
    static final class Import implements Callable<Integer> {
        @Option(names = "--genesis", required = true, description = "The chain's genesis.json (geth/Besu format).")
        Path genesis;

        @Option(names = "--data-dir", required = true, description = "The data directory to create or extend.")
        Path dataDir;

        @Parameters(index = "0", paramLabel = "FILE.rlp", description = "Blocks, RLP-encoded one after the other.")
        Path file;

        @Override
        public Integer call() {
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            GenesisFile spec;
            try {
                spec = GenesisFile.read(genesis);
            } catch (GenesisFormatException e) {
                err.println("stele blocks import: " + e.getMessage());
                return 2;
            }
            if (!Files.isRegularFile(file)) {
                err.println("stele blocks import: no such file: " + file);
                return 2;
            }
            try (KeyValueStore store = openStore(dataDir);
                    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
                KeyValueBlockStore blocks = new KeyValueBlockStore(store, SUITE, spec.profile());
                BlockImporter importer = GenesisChain.open(spec, SUITE, store, blocks,
                        spec.profile() instanceof SteleQbft ? new QbftSealVerifier(SUITE) : SealVerifier.NONE);
                if (spec.profile() instanceof SteleQbft)
                    importer.enforce(org.stele.governance.GovernancePolicy.INSTANCE);
                return importAll(new BlockFile(in), importer, blocks, err);
            } catch (IllegalStateException | StorageException e) {
                err.println("stele blocks import: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                err.println("stele blocks import: " + file + ": " + e.getMessage());
                return 1;
            }
        }

        private static int importAll(BlockFile blockFile, BlockImporter importer, KeyValueBlockStore blocks,
                PrintWriter err) throws IOException {
            long started = System.nanoTime();
            long imported = 0, known = 0, gas = 0;
            byte[] encoded;
            long offset = blockFile.offset();
            while ((encoded = blockFile.next()) != null) {
                ImportResult result = importer.importRlp(encoded);
                switch (result) {
                    case ImportResult.Imported i -> {
                        imported++;
                        gas += i.block().header().gasUsed();
                    }
                    case ImportResult.AlreadyKnown k -> known++;
                    case ImportResult.Refused r -> {
                        err.println("stele blocks import: the block at offset " + offset + " was refused: "
                                + r.refusal());
                        summary(err, imported, known, gas, started, blocks);
                        return 1;
                    }
                }
                offset = blockFile.offset();
            }
            summary(err, imported, known, gas, started, blocks);
            return 0;
        }

        private static void summary(PrintWriter err, long imported, long known, long gas, long started,
                KeyValueBlockStore blocks) {
            double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
            BlockHeader head = blocks.head().orElseThrow();
            err.printf("imported %d blocks (%d already known) in %.2f s: %.1f blocks/s, %.1f Mgas/s; head #%d %s%n",
                    imported, known, seconds, imported / seconds, gas / seconds / 1e6, head.number(),
                    blocks.hash(head));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the canonical chain of a data directory to an RLP file, genesis first.")
    static final class Export implements Callable<Integer> {
        @Option(names = "--data-dir", required = true, description = "The data directory to read.")
        Path dataDir;

        @Option(names = "--from", defaultValue = "0", description = "First block number (default: ${DEFAULT-VALUE}).")
        long from;

        @Option(names = "--to", defaultValue = "-1", description = "Last block number; -1 for the head.")
        long to;

        @Parameters(index = "0", paramLabel = "FILE.rlp", description = "The file to write.")
        Path file;

        @Override
        public Integer call() {
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            if (!Files.isDirectory(dataDir)) {
                err.println("stele blocks export: no data directory at " + dataDir);
                return 2;
            }
            try (KeyValueStore store = openStore(dataDir);
                    OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                KeyValueBlockStore blocks = new KeyValueBlockStore(store, SUITE);
                long head = blocks.head().map(BlockHeader::number).orElse(-1L);
                long last = to < 0 ? head : Math.min(to, head);
                for (long n = Math.max(0, from); n <= last; n++) {
                    long number = n;
                    BlockFile.write(out, blocks.hashOf(n).flatMap(blocks::block)
                            .orElseThrow(() -> new IllegalStateException("block " + number + " is missing")));
                }
                err.printf("exported blocks %d to %d to %s%n", Math.max(0, from), last, file);
                return 0;
            } catch (IOException | UncheckedIOException e) {
                err.println("stele blocks export: " + file + ": " + e.getMessage());
                return 1;
            } catch (IllegalStateException | StorageException e) {
                err.println("stele blocks export: " + e.getMessage());
                return 2;
            }
        }
    }
}

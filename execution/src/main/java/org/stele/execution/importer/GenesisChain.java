package org.stele.execution.importer;

import java.util.List;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.crypto.CryptoSuite;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.execution.genesis.GenesisFile;
import org.stele.storage.KeyValueStore;

/**
 * A chain store started from a genesis file: an empty store gets the genesis block and its state; a store that
 * already holds a chain must hold the same genesis, so that blocks of one chain are never imported onto another.
 */
public final class GenesisChain {
    private GenesisChain() {
    }

    /**
     * The importer for the chain that {@code genesis} starts, over {@code store}.
     *
     * @throws IllegalStateException
     *             when the store holds a chain with another genesis
     */
    public static BlockImporter open(GenesisFile genesis, CryptoSuite suite, KeyValueStore store,
            KeyValueBlockStore blocks, SealVerifier seals) {
        var built = genesis.build(store);
        Bytes32 hash = built.block().hash(suite);
        if (blocks.head().isEmpty()) {
            blocks.append(built.block(), List.of(), built.batch());
        } else {
            Bytes32 stored = blocks.hashOf(0).orElse(Bytes32.ZERO);
            if (!stored.equals(hash))
                throw new IllegalStateException("the data directory holds a chain with genesis " + stored
                        + ", this genesis file gives " + hash);
        }
        return new BlockImporter(genesis.profile(), Fork.CANCUN, suite, genesis.chainId(), store, blocks, seals);
    }
}

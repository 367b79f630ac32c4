package org.stele.rpc.eth;

import org.stele.chain.BlockHeader;
import org.stele.chain.store.BlockStore;
import org.stele.common.Bytes32;
import org.stele.state.WorldState;
import org.stele.storage.ReadableKeyValueStore;
import org.stele.common.Fork;
import org.stele.common.crypto.CryptoSuite;
import org.stele.txpool.TransactionPool;

/**
 * What the {@code eth} methods read: the stored chain, the state store, the pool, the chain's crypto suite, id and the
 * fork whose rules apply, and the senders already recovered. The node wires the real parts in.
 */
public record EthBackend(BlockStore blocks, ReadableKeyValueStore stateStore, TransactionPool pool, CryptoSuite suite,
        long chainId, Fork fork, SenderCache senders) {

    public EthBackend(BlockStore blocks, ReadableKeyValueStore stateStore, TransactionPool pool, CryptoSuite suite,
            long chainId, Fork fork) {
        this(blocks, stateStore, pool, suite, chainId, fork, new SenderCache());
    }

    /** JSON shapes for this chain, sharing this backend's sender cache. */
    public EthJson json() {
        return new EthJson(suite, senders, h -> blocks.hash(h, suite));
    }

    /** The world state as of {@code header}, read-only. */
    public WorldState stateAt(BlockHeader header) {
        return WorldState.openReadOnly(stateStore, header.stateRoot(), n -> blocks.hashOf(n).orElse(Bytes32.ZERO));
    }
}

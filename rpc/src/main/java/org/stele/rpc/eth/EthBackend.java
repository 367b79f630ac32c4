package org.stele.rpc.eth;

import org.stele.chain.store.BlockStore;
import org.stele.common.Fork;
import org.stele.common.crypto.CryptoSuite;
import org.stele.txpool.TransactionPool;

/**
 * What the {@code eth} methods read: the stored chain, the pool, the chain's crypto suite, id and the fork
 * whose rules apply. The node wires
 * the real parts in.
 */
public record EthBackend(BlockStore blocks, TransactionPool pool, CryptoSuite suite, long chainId, Fork fork) {}

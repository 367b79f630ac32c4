package org.stele.rpc.eth;

import java.util.List;
import org.stele.chain.Block;
import org.stele.chain.Receipt;
import org.stele.common.Bytes32;

/** Told by the node of every final block once it is durable, and of every transaction that becomes pending. */
public interface ChainEventListener {
    void onBlock(Block block, List<Receipt> receipts);

    void onPendingTransaction(Bytes32 hash);
}

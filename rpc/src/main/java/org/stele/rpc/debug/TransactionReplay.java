package org.stele.rpc.debug;

import java.util.List;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.store.TransactionLocation;
import org.stele.chain.tx.Transaction;
import org.stele.common.Bytes32;
import org.stele.evm.BlockContext;
import org.stele.evm.tracing.Tracer;
import org.stele.execution.BeaconRootCall;
import org.stele.execution.TransactionProcessor;
import org.stele.execution.TransactionResult;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.TransactionRequests;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.eth.EthBackend;
import org.stele.state.WorldState;

/**
 * Executes a mined transaction again on the state it saw (its block's parent, the block's beacon-root system call, and
 * the transactions ahead of it) in the context the importer executed it in, with a tracer watching it: what {@code
 * debug_traceTransaction} and the {@code ots_} traces are made of.
 */
public final class TransactionReplay {
    private TransactionReplay() {
    }

    /** Replays the mined transaction {@code hash}; an unknown hash is a JSON-RPC error. */
    public static TransactionResult.Executed replay(EthBackend backend, Bytes32 hash, Tracer tracer) {
        TransactionLocation location = backend.blocks().transactionLocation(hash)
                .orElseThrow(() -> new JsonRpcException(JsonRpcError.SERVER_ERROR, "transaction not found"));
        return replay(backend, location, tracer);
    }

    public static TransactionResult.Executed replay(EthBackend backend, TransactionLocation location, Tracer tracer) {
        Block block = backend.blocks().block(location.blockHash()).orElseThrow();
        BlockHeader parent = backend.blocks().header(block.header().parentHash()).orElseThrow();
        WorldState world = backend.stateAt(parent);
        BlockContext ctx = BlockExecutor.context(block.header(), backend.chainId());
        // The system call that opened the block ran before its first transaction: a contract reading the beacon
        // roots contract sees its effect.
        block.header().parentBeaconBlockRoot()
                .ifPresent(root -> new BeaconRootCall(backend.fork()).apply(world, ctx, root));
        TransactionProcessor plain = new TransactionProcessor(backend.fork());
        long gasUsed = 0;
        List<Transaction> txs = block.body().transactions();
        for (int i = 0; i < location.index(); i++) {
            TransactionResult r = plain.process(world, ctx,
                    TransactionRequests.of(txs.get(i), txs.get(i).sender(backend.suite())),
                    block.header().gasLimit() - gasUsed);
            if (r instanceof TransactionResult.Executed e) {
                world.apply(e.changes());
                gasUsed += e.gasUsed();
            }
        }
        Transaction target = txs.get(location.index());
        TransactionProcessor processor = tracer == null
                ? plain
                : new TransactionProcessor(backend.fork(), tracer);
        TransactionResult r = processor.process(world, ctx,
                TransactionRequests.of(target, target.sender(backend.suite())), block.header().gasLimit() - gasUsed);
        if (!(r instanceof TransactionResult.Executed e))
            throw new JsonRpcException(JsonRpcError.SERVER_ERROR, "transaction is no longer valid on replay: " + r);
        return e;
    }
}

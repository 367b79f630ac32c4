package org.stele.rpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.tx.Transaction;
import org.stele.evm.BlockContext;
import org.stele.evm.Status;
import org.stele.evm.tracing.Tracer;
import org.stele.execution.TransactionProcessor;
import org.stele.execution.TransactionResult;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.TransactionRequests;
import org.stele.rpc.BlockParameter;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.eth.Calls;
import org.stele.rpc.eth.EthBackend;
import org.stele.state.WorldState;

/**
 * {@code debug_traceTransaction} re-executes a mined transaction on the state before it (its block's parent plus the
 * transactions ahead of it); {@code debug_traceCall} traces a call like {@code eth_call}. Options: no
 * {@code tracer} gives struct logs, {@code "callTracer"} the call tree.
 */
public final class DebugMethods {
    /** Struct logs beyond this many steps are refused; the call tracer has no such cost. */
    public static final int MAX_STEPS = 1_000_000;

    private DebugMethods() {
    }

    public static List<RpcMethod> all(EthBackend backend, Calls calls) {
        return List.of(RpcMethod.of("debug_traceTransaction", (p, s) -> {
            p.atMost(2);
            var location = backend.blocks().transactionLocation(p.hash(0, "transaction hash"))
                    .orElseThrow(() -> new JsonRpcException(JsonRpcError.SERVER_ERROR, "transaction not found"));
            Block block = backend.blocks().block(location.blockHash()).orElseThrow();
            BlockHeader parent = backend.blocks().header(block.header().parentHash()).orElseThrow();
            WorldState world = backend.stateAt(parent);
            BlockContext ctx = BlockExecutor.context(block.header(), backend.chainId());
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
            Tracer tracer = tracer(p, 1);
            TransactionResult r = new TransactionProcessor(backend.fork(), tracer).process(world, ctx,
                    TransactionRequests.of(target, target.sender(backend.suite())),
                    block.header().gasLimit() - gasUsed);
            if (!(r instanceof TransactionResult.Executed e)) {
                throw new JsonRpcException(JsonRpcError.SERVER_ERROR, "transaction is no longer valid on replay: " + r);
            }
            return answer(tracer, e);
        }), RpcMethod.of("debug_traceCall", (p, s) -> {
            p.atMost(3);
            Calls.CallRequest call = Calls.parse(p, 0);
            BlockParameter at = p.block(1, "block");
            BlockHeader header = backend.blocks().header(resolve(backend, at))
                    .orElseThrow(() -> new JsonRpcException(JsonRpcError.SERVER_ERROR, "header not found"));
            Tracer tracer = tracer(p, 2);
            return answer(tracer, calls.execute(header, call, calls.gasFor(call), tracer));
        }));
    }

    private static org.stele.common.Bytes32 resolve(EthBackend backend, BlockParameter p) {
        return switch (p) {
            case BlockParameter.Hash h -> h.hash();
            case BlockParameter.Number n -> backend.blocks().hashOf(n.number())
                    .orElseThrow(() -> new JsonRpcException(JsonRpcError.SERVER_ERROR, "header not found"));
            case BlockParameter.Tag t when t.name() == BlockParameter.TagName.EARLIEST ->
                backend.blocks().hashOf(0).orElseThrow();
            case BlockParameter.Tag t -> backend.blocks().head().orElseThrow().hash(backend.suite());
        };
    }

    private static Tracer tracer(Params p, int i) {
        if (!p.has(i)) return new StructLogger(MAX_STEPS);
        JsonNode options = p.required(i, "trace options");
        if (!options.isObject())
            throw JsonRpcException.invalidParams("invalid argument " + i + " (trace options): want an object");
        JsonNode name = options.get("tracer");
        if (name == null || name.isNull()) return new StructLogger(MAX_STEPS);
        if ("callTracer".equals(name.asText())) return new CallTracer();
        throw JsonRpcException.invalidParams("invalid argument " + i + " (trace options): tracer '" + name.asText()
                + "' is not supported; use \"callTracer\" or no tracer for struct logs");
    }

    private static JsonNode answer(Tracer tracer, TransactionResult.Executed e) {
        if (tracer instanceof CallTracer c) {
            return c.root() != null ? c.root() : JsonNodeFactory.instance.objectNode();
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("gas", e.gasUsed());
        o.put("failed", e.status() != Status.SUCCESS);
        o.put("returnValue", e.output().toHex());
        o.set("structLogs", ((StructLogger) tracer).logs());
        return o;
    }
}

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
import org.stele.rpc.RpcLimits;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.eth.Calls;
import org.stele.rpc.eth.EthBackend;
import org.stele.rpc.eth.StateOverrides;
import org.stele.state.WorldState;

/**
 * {@code debug_traceTransaction} re-executes a mined transaction on the state before it (its block's parent plus the
 * transactions ahead of it); {@code debug_traceCall} traces a call like {@code eth_call}, with geth's
 * {@code stateOverrides} in its options. Options: no {@code tracer} gives struct logs (with geth's
 * {@code disableStack}, {@code disableStorage}, {@code enableMemory}, {@code enableReturnData} and {@code limit}),
 * {@code "callTracer"} the call tree.
 */
public final class DebugMethods {
    /** Struct logs beyond this many steps are refused; the call tracer has no such cost. */
    public static final int MAX_STEPS = 1_000_000;

    private DebugMethods() {
    }

    /** The methods with the default trace size limit ({@link RpcLimits#DEFAULT}). */
    public static List<RpcMethod> all(EthBackend backend, Calls calls) {
        return all(backend, calls, RpcLimits.DEFAULT.maxTraceBytes());
    }

    /** The methods, refusing struct-log traces past {@code maxTraceBytes} of JSON. */
    public static List<RpcMethod> all(EthBackend backend, Calls calls, long maxTraceBytes) {
        return List.of(RpcMethod.of("debug_traceTransaction", (p, s) -> {
            p.atMost(2);
            Tracer tracer = options(p, 1, false).tracer(maxTraceBytes);
            TransactionResult.Executed e = TransactionReplay.replay(backend, p.hash(0, "transaction hash"), tracer);
            return answer(tracer, e);
        }), RpcMethod.of("debug_traceCall", (p, s) -> {
            p.atMost(3);
            Calls.CallRequest call = Calls.parse(p, 0);
            BlockParameter at = p.block(1, "block");
            BlockHeader header = backend.blocks().header(resolve(backend, at))
                    .orElseThrow(() -> new JsonRpcException(JsonRpcError.SERVER_ERROR, "header not found"));
            TraceOptions options = options(p, 2, true);
            Tracer tracer = options.tracer(maxTraceBytes);
            return answer(tracer, calls.execute(header, call, calls.gasFor(call), tracer, options.overrides()));
        }));
    }

    private static org.stele.common.Bytes32 resolve(EthBackend backend, BlockParameter p) {
        return switch (p) {
            case BlockParameter.Hash h -> h.hash();
            case BlockParameter.Number n -> backend.blocks().hashOf(n.number())
                    .orElseThrow(() -> new JsonRpcException(JsonRpcError.SERVER_ERROR, "header not found"));
            case BlockParameter.Tag t when t.name() == BlockParameter.TagName.EARLIEST ->
                backend.blocks().hashOf(0).orElseThrow();
            case BlockParameter.Tag t -> backend.blocks().hash(backend.blocks().head().orElseThrow(), backend.suite());
        };
    }

    /** The tracer an options object asks for, and (for {@code debug_traceCall}) its state overrides. */
    private record TraceOptions(String tracerName, StructLogger.Options logOptions, StateOverrides overrides) {
        Tracer tracer(long maxTraceBytes) {
            return tracerName == null ? new StructLogger(MAX_STEPS, maxTraceBytes, logOptions) : new CallTracer();
        }
    }

    private static TraceOptions options(Params p, int i, boolean isCall) {
        if (!p.has(i)) return new TraceOptions(null, StructLogger.Options.DEFAULT, StateOverrides.NONE);
        JsonNode options = p.required(i, "trace options");
        if (!options.isObject())
            throw JsonRpcException.invalidParams("invalid argument " + i + " (trace options): want an object");
        JsonNode name = options.get("tracer");
        String tracerName = null;
        if (name != null && !name.isNull()) {
            if (!"callTracer".equals(name.asText())) {
                throw JsonRpcException.invalidParams("invalid argument " + i + " (trace options): tracer '"
                        + Params.abbreviate(name.asText())
                        + "' is not supported; use \"callTracer\" or no tracer for struct logs");
            }
            tracerName = name.asText();
        }
        StructLogger.Options logOptions = new StructLogger.Options(flag(options, "disableStack", i),
                flag(options, "disableStorage", i), flag(options, "enableMemory", i),
                flag(options, "enableReturnData", i), limit(options, i));
        StateOverrides overrides = StateOverrides.NONE;
        if (options.hasNonNull("stateOverrides")) {
            if (!isCall) {
                // Ignoring them would answer for a different state than the caller asked about.
                throw JsonRpcException.invalidParams("invalid argument " + i
                        + " (trace options.stateOverrides): state overrides apply to debug_traceCall only");
            }
            overrides = StateOverrides.parse(options.get("stateOverrides"), i, "trace options.stateOverrides");
        }
        if (isCall && options.hasNonNull("blockOverrides")) {
            throw JsonRpcException.invalidParams(
                    "invalid argument " + i + " (trace options.blockOverrides): block overrides are not supported");
        }
        return new TraceOptions(tracerName, logOptions, overrides);
    }

    private static boolean flag(JsonNode options, String field, int i) {
        JsonNode v = options.get(field);
        if (v == null || v.isNull()) return false;
        return Params.at(i, v).bool(i, "trace options." + field);
    }

    private static int limit(JsonNode options, int i) {
        JsonNode v = options.get("limit");
        if (v == null || v.isNull()) return 0;
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw JsonRpcException.invalidParams(
                    "invalid argument " + i + " (trace options.limit): want a non-negative number of entries, got "
                            + Params.abbreviate(v.toString()));
        }
        return v.intValue();
    }

    private static JsonNode answer(Tracer tracer, TransactionResult.Executed e) {
        if (tracer instanceof CallTracer c) {
            return c.root() != null ? c.root() : JsonNodeFactory.instance.objectNode();
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("gas", e.gasUsed());
        o.put("failed", e.status() != Status.SUCCESS);
        o.put("returnValue", e.output().toHex());
        o.set("structLogs", o.pojoNode(((StructLogger) tracer).logs()));
        return o;
    }
}

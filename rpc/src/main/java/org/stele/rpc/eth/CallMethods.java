package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.stele.chain.BlockHeader;
import org.stele.evm.Status;
import org.stele.execution.TransactionResult;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/**
 * {@code eth_call} and {@code eth_estimateGas}. Estimation searches for the least gas with which the call
 * succeeds, starting from what it used at the cap, the way geth does.
 */
public final class CallMethods {
    private CallMethods() {
    }

    public static List<RpcMethod> all(EthBackend backend, Calls calls) {
        return List.of(RpcMethod.of("eth_call", (p, session) -> {
            p.atMost(3);
            Calls.CallRequest call = Calls.parse(p, 0);
            BlockHeader at = Blocks.require(backend.blocks(), p.block(1, "block"));
            if (p.has(2)) {
                // Ignoring them would answer for a different state than the caller asked about.
                throw JsonRpcException.invalidParams("invalid argument 2 (state overrides): not supported yet");
            }
            return Calls.answer(calls.execute(at, call, calls.gasFor(call)));
        }), RpcMethod.of("eth_estimateGas", (p, session) -> {
            p.atMost(2);
            Calls.CallRequest call = Calls.parse(p, 0);
            BlockHeader at = Blocks.require(backend.blocks(), p.block(1, "block"));
            return Quantity.of(calls.estimate(at, call));
        }));
    }
}

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
 * succeeds, starting from what it used at the cap, the way geth does. Both take geth's state overrides as their
 * third parameter ({@link StateOverrides}).
 */
public final class CallMethods {
    private CallMethods() {
    }

    public static List<RpcMethod> all(EthBackend backend, Calls calls) {
        return List.of(RpcMethod.of("eth_call", (p, session) -> {
            p.atMost(3);
            Calls.CallRequest call = Calls.parse(p, 0);
            BlockHeader at = Blocks.require(backend.blocks(), p.block(1, "block"));
            StateOverrides overrides = StateOverrides.parse(p, 2, "state overrides");
            return Calls.answer(calls.execute(at, call, calls.gasFor(call), null, overrides));
        }), RpcMethod.of("eth_estimateGas", (p, session) -> {
            p.atMost(3);
            Calls.CallRequest call = Calls.parse(p, 0);
            BlockHeader at = Blocks.require(backend.blocks(), p.block(1, "block"));
            StateOverrides overrides = StateOverrides.parse(p, 2, "state overrides");
            return Quantity.of(calls.estimate(at, call, overrides));
        }));
    }
}

package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.stele.chain.BlockHeader;
import org.stele.evm.Status;
import org.stele.execution.TransactionResult;
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
            return Calls.answer(calls.execute(at, call, calls.gasFor(call)));
        }), RpcMethod.of("eth_estimateGas", (p, session) -> {
            p.atMost(2);
            Calls.CallRequest call = Calls.parse(p, 0);
            BlockHeader at = Blocks.require(backend.blocks(), p.block(1, "block"));
            long hi = calls.gasFor(call);
            TransactionResult.Executed first = calls.execute(at, call, hi);
            if (first.status() != Status.SUCCESS) throw Calls.failure(first);
            long lo = Math.max(first.gasUsed() - 1, 20_999);
            // The 63/64 rule and refunds make the gas needed exceed the gas used; anything below the used gas fails.
            while (lo + 1 < hi) {
                long mid = lo + (hi - lo) / 2;
                if (mid > lo + 1 && hi == calls.gasFor(call) && mid > first.gasUsed() * 2)
                    mid = Math.max(lo + 1, first.gasUsed() * 2);
                boolean ok;
                try {
                    ok = calls.execute(at, call, mid).status() == Status.SUCCESS;
                } catch (org.stele.rpc.JsonRpcException e) {
                    ok = false;
                }
                if (ok) hi = mid;
                else
                    lo = mid;
            }
            return Quantity.of(hi);
        }));
    }
}

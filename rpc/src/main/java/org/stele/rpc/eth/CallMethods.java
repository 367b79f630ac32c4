package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.stele.evm.Status;
import org.stele.execution.TransactionResult;
import org.stele.rpc.BlockParameter;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/**
 * {@code eth_call} and {@code eth_estimateGas}. Estimation searches for the least gas with which the call
 * succeeds, starting from what it used at the cap, the way geth does. Both take geth's state overrides as their
 * third parameter ({@link StateOverrides}).
 *
 * <p>
 * Against {@code pending} both run in the next block's context (number, timestamp and base fee), as anvil runs them.
 * {@code eth_estimateGas} without a block estimates against {@code pending}, since its answer is the gas of a
 * transaction about to be sent: estimated in the head's own context, a contract that stores {@code block.number}
 * looks 2,800 gas cheaper than it will be, and the transaction runs out of gas. {@code eth_call} without a block reads
 * {@code latest}, as geth does.
 */
public final class CallMethods {
    private static final BlockParameter PENDING = new BlockParameter.Tag(BlockParameter.TagName.PENDING);

    private CallMethods() {
    }

    public static List<RpcMethod> all(EthBackend backend, Calls calls) {
        return List.of(RpcMethod.of("eth_call", (p, session) -> {
            p.atMost(3);
            Calls.CallRequest call = Calls.parse(p, 0);
            Calls.At at = calls.at(p.block(1, "block"));
            StateOverrides overrides = StateOverrides.parse(p, 2, "state overrides");
            return Calls.answer(calls.execute(at, call, calls.gasFor(call), null, overrides));
        }), RpcMethod.of("eth_estimateGas", (p, session) -> {
            p.atMost(3);
            Calls.CallRequest call = Calls.parse(p, 0);
            Calls.At at = calls.at(p.has(1) ? p.block(1, "block") : PENDING);
            StateOverrides overrides = StateOverrides.parse(p, 2, "state overrides");
            return Quantity.of(calls.estimate(at, call, overrides));
        }));
    }
}

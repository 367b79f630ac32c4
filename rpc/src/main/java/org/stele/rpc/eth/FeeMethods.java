package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.stele.chain.BaseFee;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.Receipt;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/**
 * Fee suggestions: {@code eth_gasPrice} (next base fee + suggested tip), {@code eth_maxPriorityFeePerGas} (the
 * suggested tip) and {@code eth_feeHistory} (base fees, fullness and tip percentiles of recent blocks).
 */
public final class FeeMethods {
    /** Most blocks one {@code eth_feeHistory} call may cover, as in geth. */
    public static final int MAX_HISTORY = 1024;

    private FeeMethods() {
    }

    public static List<RpcMethod> all(EthBackend backend, BigInteger suggestedTip) {
        return List.of(RpcMethod.of("eth_gasPrice", (p, session) -> {
            p.atMost(0);
            return Quantity.of(nextBaseFee(backend).add(suggestedTip));
        }), RpcMethod.of("eth_maxPriorityFeePerGas", (p, session) -> {
            p.atMost(0);
            return Quantity.of(suggestedTip);
        }), RpcMethod.of("eth_feeHistory", (p, session) -> history(backend, p)));
    }

    static BigInteger nextBaseFee(EthBackend backend) {
        return backend.blocks().head().filter(h -> h.baseFeePerGas().isPresent()).map(BaseFee::next)
                .orElse(BigInteger.ZERO);
    }

    private static JsonNode history(EthBackend backend, Params p) {
        p.atMost(3);
        long count = p.longQuantityOrNumber(0, "block count");
        if (count < 1 || count > MAX_HISTORY)
            throw JsonRpcException.invalidParams("invalid argument 0 (block count): want 1 to " + MAX_HISTORY);
        BlockHeader newest = Blocks.require(backend.blocks(), p.block(1, "newest block"));
        List<Double> percentiles = new ArrayList<>();
        if (p.has(2)) {
            JsonNode a = p.required(2, "reward percentiles");
            if (!a.isArray() || a.size() > 100)
                throw JsonRpcException
                        .invalidParams("invalid argument 2 (reward percentiles): want at most 100 numbers");
            double last = -1;
            for (JsonNode v : a) {
                double d = v.asDouble(-1);
                if (!v.isNumber() || d < 0 || d > 100 || d < last) {
                    throw JsonRpcException.invalidParams(
                            "invalid argument 2 (reward percentiles): want increasing numbers from 0 to 100");
                }
                percentiles.add(d);
                last = d;
            }
        }
        long oldest = Math.max(0, newest.number() - count + 1);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("oldestBlock", Quantity.of(oldest));
        ArrayNode baseFees = out.putArray("baseFeePerGas");
        ArrayNode ratios = out.putArray("gasUsedRatio");
        ArrayNode rewards = percentiles.isEmpty() ? null : out.putArray("reward");
        BlockHeader last = newest;
        for (long n = oldest; n <= newest.number(); n++) {
            BlockHeader h = backend.blocks().header(n).orElseThrow();
            baseFees.add(Quantity.of(h.baseFeePerGas().orElse(BigInteger.ZERO)));
            ratios.add(h.gasLimit() == 0 ? 0.0 : (double) h.gasUsed() / h.gasLimit());
            if (rewards != null) rewards.add(rewards(backend, h, percentiles));
            last = h;
        }
        baseFees.add(Quantity.of(last.baseFeePerGas().isPresent() ? BaseFee.next(last) : BigInteger.ZERO));
        return out;
    }

    /** The tips at the given percentiles of gas used in the block, weighted by each transaction's gas. */
    private static ArrayNode rewards(EthBackend backend, BlockHeader h, List<Double> percentiles) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        var hash = backend.blocks().hash(h, backend.suite());
        Block block = backend.blocks().block(hash).orElseThrow();
        List<Receipt> receipts = backend.blocks().receipts(hash).orElseThrow();
        BigInteger baseFee = h.baseFeePerGas().orElse(BigInteger.ZERO);
        record Tip(BigInteger tip, long gas) {}
        List<Tip> tips = new ArrayList<>();
        long previous = 0;
        for (int i = 0; i < receipts.size(); i++) {
            long gas = receipts.get(i).cumulativeGasUsed() - previous;
            previous = receipts.get(i).cumulativeGasUsed();
            tips.add(new Tip(block.body().transactions().get(i).effectivePriorityFee(baseFee),
                    gas));
        }
        tips.sort((a, b) -> a.tip.compareTo(b.tip));
        for (double pct : percentiles) {
            if (tips.isEmpty()) {
                out.add(Quantity.of(BigInteger.ZERO));
                continue;
            }
            double threshold = h.gasUsed() * pct / 100;
            long sum = 0;
            BigInteger chosen = tips.get(tips.size() - 1).tip;
            for (Tip t : tips) {
                sum += t.gas;
                if (sum >= threshold) {
                    chosen = t.tip;
                    break;
                }
            }
            out.add(Quantity.of(chosen));
        }
        return out;
    }
}

package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.stele.chain.BaseFee;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.evm.BlockContext;
import org.stele.evm.Status;
import org.stele.evm.WorldView;
import org.stele.execution.TransactionProcessor;
import org.stele.execution.TransactionRequest;
import org.stele.execution.TransactionResult;
import org.stele.execution.policy.TransactionPolicy;
import org.stele.execution.policy.TransactionRules;
import org.stele.rpc.BlockParameter;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.Params;

/**
 * Executing a call object against the state of a block without changing anything: the engine of {@code eth_call}
 * and {@code eth_estimateGas}. As geth does, a call that names no fee runs with a zero base fee, so reading a
 * contract costs nothing and needs no balance.
 */
public final class Calls {
    private final EthBackend backend;
    private final long gasCap;
    private final InstantSource clock;
    private final TransactionPolicy policy;
    /**
     * Untraced processors that finished a call, for the next calls: a processor is not thread-safe, and a new one
     * builds an interpreter and its call frames (each frame's stack is 32 KiB), which was a tenth of a small
     * {@code eth_call}'s CPU (a relayer reads a signer's nonce and points with one for nearly every transfer). Calls run
     * on virtual threads, so a thread-local would not be reused; a bounded queue is.
     */
    private final java.util.concurrent.BlockingQueue<TransactionProcessor> idle = new java.util.concurrent.ArrayBlockingQueue<>(
            IDLE_PROCESSORS);
    private static final int IDLE_PROCESSORS = 16;

    /** @param gasCap the most gas a call may use (geth: 50,000,000) */
    public Calls(EthBackend backend, long gasCap) {
        this(backend, gasCap, InstantSource.system());
    }

    /**
     * @param gasCap the most gas a call may use (geth: 50,000,000)
     * @param clock gives the timestamp of the next block, for calls against {@code pending}
     */
    public Calls(EthBackend backend, long gasCap, InstantSource clock) {
        this(backend, gasCap, clock, TransactionPolicy.NONE);
    }

    /**
     * @param gasCap the most gas a call may use (geth: 50,000,000)
     * @param clock gives the timestamp of the next block, for calls against {@code pending}
     * @param policy the chain's rules, read at the state a call runs on: a call from or into a frozen account is
     * refused
     *            with the pool's message, and calls made inside it are guarded as a block's are
     */
    public Calls(EthBackend backend, long gasCap, InstantSource clock, TransactionPolicy policy) {
        this.backend = backend;
        this.gasCap = gasCap;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * Where a call runs: on the state after block {@code state}, in the context of a block with this number, timestamp
     * and base fee. For a stored block they are its own; for {@code pending} they are those of the block that comes
     * next, as anvil runs them, so that a call that writes {@code block.number} or {@code block.timestamp} costs what
     * it will cost when it is mined.
     */
    public record At(BlockHeader state, long number, long timestamp, BigInteger baseFee) {
        /** A call in the context of the stored block {@code header} itself. */
        public static At block(BlockHeader header) {
            return new At(header, header.number(), header.timestamp(),
                    header.baseFeePerGas().orElse(BigInteger.ZERO));
        }
    }

    /**
     * The context of the block after {@code head}: number head + 1, the timestamp a block sealed now would get (never
     * less than the head's + 1) and the base fee EIP-1559 gives it.
     */
    public At next(BlockHeader head) {
        long timestamp = Math.max(clock.instant().getEpochSecond(), head.timestamp() + 1);
        BigInteger baseFee = head.baseFeePerGas().isPresent() ? BaseFee.next(head) : BigInteger.ZERO;
        return new At(head, head.number() + 1, timestamp, baseFee);
    }

    /** Where a call against {@code block} runs: {@code pending} is the next block, anything else a stored block. */
    public At at(BlockParameter block) {
        if (block instanceof BlockParameter.Tag t && t.name() == BlockParameter.TagName.PENDING) {
            return next(Blocks.require(backend.blocks(), BlockParameter.LATEST));
        }
        return At.block(Blocks.require(backend.blocks(), block));
    }

    /** A call object as clients send it. {@code to} is null for a creation; {@code gas} 0 means "the cap". */
    public record CallRequest(Address from, Address to, long gas, BigInteger gasPrice, BigInteger maxFeePerGas,
            BigInteger maxPriorityFeePerGas, BigInteger value, Bytes data,
            List<TransactionRequest.AccessEntry> accessList) {
        boolean namesFee() {
            return gasPrice != null || maxFeePerGas != null;
        }
    }

    public static CallRequest parse(Params params, int i) {
        JsonNode o = params.required(i, "call");
        if (!o.isObject()) throw JsonRpcException.invalidParams("invalid argument " + i + " (call): want an object");
        Params f = Params.of(o.path("from"), o.path("to"), o.path("gas"), o.path("gasPrice"), o.path("maxFeePerGas"),
                o.path("maxPriorityFeePerGas"), o.path("value"), o.has("input") ? o.path("input") : o.path("data"));
        if (o.hasNonNull("input") && o.hasNonNull("data") && !o.get("input").equals(o.get("data"))) {
            throw JsonRpcException
                    .invalidParams("invalid argument " + i + " (call): both input and data are set and differ");
        }
        List<TransactionRequest.AccessEntry> accessList = new ArrayList<>();
        JsonNode al = o.path("accessList");
        if (al.isArray()) {
            for (JsonNode e : al) {
                List<Bytes32> keys = new ArrayList<>();
                for (JsonNode k : e.path("storageKeys")) keys.add(Params.of(k).word(0, "call.accessList.storageKeys"));
                accessList.add(new TransactionRequest.AccessEntry(
                        Params.of(e.path("address")).address(0, "call.accessList.address"), keys));
            }
        }
        return new CallRequest(f.has(0) ? f.address(0, "call.from") : Address.ZERO,
                f.has(1) ? f.address(1, "call.to") : null,
                f.has(2) ? f.longQuantity(2, "call.gas") : 0, f.has(3) ? f.quantity(3, "call.gasPrice") : null,
                f.has(4) ? f.quantity(4, "call.maxFeePerGas") : null,
                f.has(5) ? f.quantity(5, "call.maxPriorityFeePerGas") : null,
                f.has(6) ? f.quantity(6, "call.value") : BigInteger.ZERO,
                f.has(7) ? f.data(7, "call.input") : Bytes.EMPTY,
                accessList);
    }

    /** Runs the call with {@code gas} (or its own, or the cap) and answers its result or the JSON-RPC error. */
    public TransactionResult.Executed execute(BlockHeader header, CallRequest call, long gas) {
        return execute(At.block(header), call, gas, null, StateOverrides.NONE);
    }

    /**
     * As {@link #execute(BlockHeader, CallRequest, long)}, with a tracer attached (or null) and the state seen through
     * {@code overrides}; the stored state is only read.
     */
    public TransactionResult.Executed execute(BlockHeader header, CallRequest call, long gas,
            org.stele.evm.tracing.Tracer tracer, StateOverrides overrides) {
        return execute(At.block(header), call, gas, tracer, overrides);
    }

    /**
     * As {@link #execute(BlockHeader, CallRequest, long, org.stele.evm.tracing.Tracer, StateOverrides)}, at {@code at}.
     */
    public TransactionResult.Executed execute(At at, CallRequest call, long gas, org.stele.evm.tracing.Tracer tracer,
            StateOverrides overrides) {
        BlockHeader header = at.state();
        WorldView stored = backend.stateAt(header);
        // The chain's rules come from its stored state: overrides change what a call sees, not what it may do.
        TransactionRules rules = policy.at(stored);
        rules.checkCall(call.from(), java.util.Optional.ofNullable(call.to())).ifPresent(refused -> {
            throw new JsonRpcException(JsonRpcError.SERVER_ERROR,
                    "refused by the chain's governance: " + refused.detail());
        });
        WorldView world = overrides.over(stored);
        BigInteger baseFee = call.namesFee() ? at.baseFee() : BigInteger.ZERO;
        BlockContext ctx = new BlockContext(header.coinbase(), at.number(), at.timestamp(),
                Math.max(header.gasLimit(), gasCap),
                baseFee, header.difficulty(), header.mixHash(), backend.chainId(), BigInteger.ONE);
        var sender = world.account(call.from()); // null when the account does not exist
        long nonce = sender == null ? 0 : sender.nonce();
        BigInteger maxFee = call.maxFeePerGas() != null
                ? call.maxFeePerGas()
                : call.gasPrice() != null ? call.gasPrice() : BigInteger.ZERO;
        BigInteger tip = call.maxPriorityFeePerGas() != null ? call.maxPriorityFeePerGas() : maxFee;
        int type = call.maxFeePerGas() != null
                ? TransactionRequest.FEE_MARKET
                : call.accessList().isEmpty() ? TransactionRequest.LEGACY : TransactionRequest.ACCESS_LIST;
        TransactionRequest request = new TransactionRequest(type, call.from(), nonce, gas, call.to(), call.value(),
                call.data(),
                maxFee, tip.min(maxFee), call.accessList(), List.of(), BigInteger.ZERO);
        TransactionProcessor processor = tracer != null
                ? new TransactionProcessor(backend.fork(), tracer)
                : untraced(backend.fork());
        TransactionResult r = processor.process(world, ctx, request, Math.max(header.gasLimit(), gasCap),
                rules.callGuard());
        // Only a processor whose call ended normally goes back: one that threw may have stopped between frames.
        if (tracer == null) idle.offer(processor);
        return switch (r) {
            case TransactionResult.Executed e -> e;
            case TransactionResult.Invalid invalid ->
                throw new JsonRpcException(JsonRpcError.SERVER_ERROR, message(invalid));
        };
    }

    /** An idle untraced processor of {@code fork}, or a new one. */
    private TransactionProcessor untraced(org.stele.common.Fork fork) {
        for (TransactionProcessor p; (p = idle.poll()) != null;)
            if (p.fork() == fork) return p;
        return new TransactionProcessor(fork);
    }

    /**
     * The least gas with which the call succeeds: a binary search from the gas it used at its limit. The 63/64 rule
     * and refunds make the gas needed exceed the gas used; anything below the used gas fails.
     */
    public long estimate(At at, CallRequest call) {
        return estimate(at, call, StateOverrides.NONE);
    }

    /** As {@link #estimate(At, CallRequest)}, on the state seen through {@code overrides}. */
    public long estimate(At at, CallRequest call, StateOverrides overrides) {
        long hi = gasFor(call);
        TransactionResult.Executed first = execute(at, call, hi, null, overrides);
        if (first.status() != Status.SUCCESS) throw failure(first);
        long lo = Math.max(first.gasUsed() - 1, 20_999);
        while (lo + 1 < hi) {
            long mid = lo + (hi - lo) / 2;
            boolean ok;
            try {
                ok = execute(at, call, mid, null, overrides).status() == Status.SUCCESS;
            } catch (JsonRpcException e) {
                ok = false;
            }
            if (ok) hi = mid;
            else
                lo = mid;
        }
        return hi;
    }

    public long gasFor(CallRequest call) {
        return call.gas() == 0 ? gasCap : Math.min(call.gas(), gasCap);
    }

    /** The result of a call as {@code eth_call} answers it: the output, or a revert / halt error. */
    public static JsonNode answer(TransactionResult.Executed e) {
        if (e.status() == Status.SUCCESS) return TextNode.valueOf(e.output().toHex());
        throw failure(e);
    }

    /** A failed call as geth reports it: code 3 with the revert data, or -32000 naming the halt. */
    public static JsonRpcException failure(TransactionResult.Executed e) {
        if (e.status() == Status.REVERT) {
            String reason = revertReason(e.output());
            return new JsonRpcException(JsonRpcError.EXECUTION_REVERTED,
                    reason == null ? "execution reverted" : "execution reverted: " + reason,
                    TextNode.valueOf(e.output().toHex()));
        }
        return new JsonRpcException(JsonRpcError.SERVER_ERROR, haltMessage(e.status()));
    }

    /** How a failed frame is reported: "execution reverted", or the halt in words ("out of gas"). */
    public static String haltMessage(Status status) {
        return status == Status.REVERT ? "execution reverted" : status.name().toLowerCase().replace('_', ' ');
    }

    /** The message of a Solidity {@code Error(string)} revert, or null for anything else (custom errors, panics). */
    static String revertReason(Bytes output) {
        byte[] b = output.unsafeArray();
        if (b.length < 68 || (b[0] & 0xff) != 0x08 || (b[1] & 0xff) != 0xc3 || (b[2] & 0xff) != 0x79
                || (b[3] & 0xff) != 0xa0) {
            return null;
        }
        BigInteger offset = new BigInteger(1, java.util.Arrays.copyOfRange(b, 4, 36));
        if (offset.bitLength() > 31 || 4 + offset.intValue() + 32 > b.length) return null;
        int at = 4 + offset.intValue();
        BigInteger length = new BigInteger(1, java.util.Arrays.copyOfRange(b, at, at + 32));
        if (length.bitLength() > 31 || at + 32 + length.intValue() > b.length) return null;
        return new String(b, at + 32, length.intValue(), StandardCharsets.UTF_8);
    }

    private static String message(TransactionResult.Invalid invalid) {
        return switch (invalid.reason()) {
            case INSUFFICIENT_ACCOUNT_FUNDS -> "insufficient funds for gas * price + value";
            case INTRINSIC_GAS_TOO_LOW -> "intrinsic gas too low";
            case INSUFFICIENT_MAX_FEE_PER_GAS -> "max fee per gas less than block base fee";
            case GAS_ALLOWANCE_EXCEEDED -> "gas limit too high";
            default -> invalid.message();
        };
    }
}

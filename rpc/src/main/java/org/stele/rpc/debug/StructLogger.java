package org.stele.rpc.debug;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.Hex;
import org.stele.evm.Opcode;
import org.stele.evm.tracing.StepView;
import org.stele.evm.tracing.Tracer;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;

/**
 * geth's default tracer: one entry per instruction with pc, op, gas, gasCost, depth, and as geth's options ask the
 * stack, memory, storage and return data. {@code gasCost} is what the frame's gas went down by until its next
 * instruction or its end, so a call's cost includes what its child used. Storage follows geth: at each SLOAD and SSTORE, every
 * slot of the executing contract read or written so far in the trace, with the value just read or being written.
 */
final class StructLogger implements Tracer {
    /** Memory copied into one trace at most, so that {@code enableMemory} on a long trace cannot exhaust the heap. */
    static final long MAX_MEMORY_BYTES = 64L << 20;

    /**
     * geth's struct-logger options. {@code limit} is the most entries to record (0: no limit); the steps after it
     * still run but are not recorded.
     */
    record Options(boolean disableStack, boolean disableStorage, boolean enableMemory, boolean enableReturnData,
            int limit) {
        static final Options DEFAULT = new Options(false, false, false, false, 0);
    }

    private final int maxSteps;
    private final Options options;
    private final ArrayNode logs = JsonNodeFactory.instance.arrayNode();
    /** Per depth, the entry whose gasCost is still open and the gas it started with. */
    private final List<ObjectNode> open = new ArrayList<>();
    private final List<Long> openGas = new ArrayList<>();
    /** Per depth, the gas the current frame started with. */
    private final List<Long> enterGas = new ArrayList<>();
    /** Per contract, the slots SLOAD and SSTORE touched, as unprefixed hex (fixed width, so sorted by value). */
    private final Map<Address, TreeMap<String, String>> storage = new HashMap<>();
    private long memoryBytes;

    StructLogger(int maxSteps, Options options) {
        this.maxSteps = maxSteps;
        this.options = options;
    }

    @Override
    public void onStep(StepView step) {
        int d = step.depth();
        close(d, step.gasLeft());
        if (options.limit() > 0 && logs.size() >= options.limit()) return;
        if (logs.size() >= maxSteps) {
            throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED,
                    "trace longer than " + maxSteps + " steps; use {\"tracer\":\"callTracer\"} or a \"limit\"");
        }
        ObjectNode e = logs.addObject();
        e.put("pc", step.pc());
        e.put("op", OpcodeNames.of(step.opcode()));
        e.put("gas", step.gasLeft());
        e.put("gasCost", 0);
        e.put("depth", d + 1);
        if (!options.disableStack()) {
            ArrayNode stack = e.putArray("stack");
            for (int i = step.stackSize() - 1; i >= 0; i--) stack.add(quantity(step.stackItem(i)));
        }
        if (options.enableMemory()) memory(e, step);
        if (options.enableReturnData()) {
            byte[] data = step.returnData();
            if (data.length > 0) e.put("returnData", Hex.encode(data));
        }
        if (!options.disableStorage()) storage(e, step);
        while (open.size() <= d) {
            open.add(null);
            openGas.add(0L);
        }
        open.set(d, e);
        openGas.set(d, step.gasLeft());
    }

    @Override
    public void onCallEnter(int depth, int opcode, Address from, Address to, java.math.BigInteger value,
            org.stele.common.Bytes input, long gas) {
        while (enterGas.size() <= depth) enterGas.add(0L);
        enterGas.set(depth, gas);
    }

    /** A frame's last instruction costs what was left of its gas minus what the frame hands back. */
    @Override
    public void onCallExit(int depth, org.stele.evm.Status status, org.stele.common.Bytes output, long gasUsed) {
        if (depth < enterGas.size()) close(depth, enterGas.get(depth) - gasUsed);
    }

    private void memory(ObjectNode e, StepView step) {
        memoryBytes += step.memorySize();
        if (memoryBytes > MAX_MEMORY_BYTES) {
            throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED, "trace memory larger than "
                    + (MAX_MEMORY_BYTES >> 20) + " MiB; use a \"limit\" or leave \"enableMemory\" off");
        }
        byte[] memory = step.memory();
        ArrayNode words = e.putArray("memory");
        byte[] word = new byte[32];
        for (int i = 0; i + 32 <= memory.length; i += 32) {
            System.arraycopy(memory, i, word, 0, 32);
            words.add(Hex.encodeNoPrefix(word));
        }
    }

    private void storage(ObjectNode e, StepView step) {
        int op = step.opcode();
        String key;
        String value;
        if (op == Opcode.SLOAD && step.stackSize() >= 1) { // SLOAD: the value it is about to read
            byte[] k = step.stackItem(0);
            key = Hex.encodeNoPrefix(k);
            value = Hex.encodeNoPrefix(step.storage(Bytes32.wrap(k)).unsafeArray());
        } else if (op == Opcode.SSTORE && step.stackSize() >= 2) { // SSTORE: the value it is about to write
            key = Hex.encodeNoPrefix(step.stackItem(0));
            value = Hex.encodeNoPrefix(step.stackItem(1));
        } else {
            return;
        }
        TreeMap<String, String> slots = storage.computeIfAbsent(step.address(), a -> new TreeMap<>());
        slots.put(key, value);
        ObjectNode s = e.putObject("storage");
        slots.forEach(s::put);
    }

    private void close(int depth, long gasNow) {
        if (depth < open.size() && open.get(depth) != null) {
            open.get(depth).put("gasCost", openGas.get(depth) - gasNow);
            open.set(depth, null);
        }
    }

    ArrayNode logs() {
        return logs;
    }

    private static String quantity(byte[] word) {
        return "0x" + new java.math.BigInteger(1, word).toString(16);
    }
}

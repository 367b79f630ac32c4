package org.stele.rpc.debug;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * instruction or its end, so a call's cost includes what its child used. Storage follows geth: at each SLOAD and
 * SSTORE, every slot of the executing contract read or written so far in the trace, with the value just read or being
 * written.
 *
 * <p>
 * Entries are kept as the JSON they will be written as, not as a tree of nodes (which costs ten times the bytes), and
 * streamed into the response; a trace whose JSON would pass {@code maxBytes} is refused as it grows, so a deep stack
 * on a long loop is an error and not an exhausted heap.
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
    private final long maxBytes;
    private final Options options;
    /** Each entry without its braces, split where its gasCost goes: {@code pc, op, gas | depth, stack, …}. */
    private final AsciiBuffer text = new AsciiBuffer();
    private long[] starts = new long[1024];
    private long[] splits = new long[1024];
    private long[] gasCosts = new long[1024];
    private int count;
    /** Per depth, the entry whose gasCost is still open (-1: none) and the gas it started with. */
    private final List<Integer> open = new ArrayList<>();
    private final List<Long> openGas = new ArrayList<>();
    /** Per depth, the gas the current frame started with. */
    private final List<Long> enterGas = new ArrayList<>();
    /** Per contract, the slots SLOAD and SSTORE touched, as unprefixed hex (fixed width, so sorted by value). */
    private final Map<Address, TreeMap<String, String>> storage = new HashMap<>();
    private long memoryBytes;

    StructLogger(int maxSteps, long maxBytes, Options options) {
        this.maxSteps = maxSteps;
        this.maxBytes = maxBytes;
        this.options = options;
    }

    @Override
    public void onStep(StepView step) {
        int d = step.depth();
        close(d, step.gasLeft());
        if (options.limit() > 0 && count >= options.limit()) return;
        if (count >= maxSteps) {
            throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED,
                    "trace longer than " + maxSteps + " steps; use {\"tracer\":\"callTracer\"} or a \"limit\"");
        }
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            splits = Arrays.copyOf(splits, count * 2);
            gasCosts = Arrays.copyOf(gasCosts, count * 2);
        }
        starts[count] = text.size();
        text.append("\"pc\":").append(step.pc()).append(",\"op\":\"").append(OpcodeNames.of(step.opcode()))
                .append("\",\"gas\":").append(step.gasLeft()).append(',');
        splits[count] = text.size();
        text.append("\"depth\":").append(d + 1);
        if (!options.disableStack()) {
            text.append(",\"stack\":[");
            for (int i = step.stackSize() - 1; i >= 0; i--) {
                text.quantity(step.stackItem(i));
                if (i > 0) text.append(',');
            }
            text.append(']');
        }
        if (options.enableMemory()) memory(step);
        if (options.enableReturnData()) {
            byte[] data = step.returnData();
            if (data.length > 0) text.append(",\"returnData\":\"").append(Hex.encode(data)).append('"');
        }
        if (!options.disableStorage()) storage(step);
        if (text.size() > maxBytes) {
            throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED, "trace too large: struct logs past "
                    + (maxBytes >> 20)
                    + " MiB; use disableStack, a \"limit\" or a tracer such as {\"tracer\":\"callTracer\"}");
        }
        while (open.size() <= d) {
            open.add(-1);
            openGas.add(0L);
        }
        open.set(d, count);
        openGas.set(d, step.gasLeft());
        count++;
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

    private void memory(StepView step) {
        memoryBytes += step.memorySize();
        if (memoryBytes > MAX_MEMORY_BYTES) {
            throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED, "trace memory larger than "
                    + (MAX_MEMORY_BYTES >> 20) + " MiB; use a \"limit\" or leave \"enableMemory\" off");
        }
        byte[] memory = step.memory();
        text.append(",\"memory\":[");
        for (int i = 0; i + 32 <= memory.length; i += 32) {
            if (i > 0) text.append(',');
            text.hex(memory, i, i + 32);
        }
        text.append(']');
    }

    private void storage(StepView step) {
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
        text.append(",\"storage\":{");
        boolean first = true;
        for (Map.Entry<String, String> slot : slots.entrySet()) {
            if (!first) text.append(',');
            first = false;
            text.append('"').append(slot.getKey()).append("\":\"").append(slot.getValue()).append('"');
        }
        text.append('}');
    }

    private void close(int depth, long gasNow) {
        if (depth < open.size() && open.get(depth) >= 0) {
            gasCosts[open.get(depth)] = openGas.get(depth) - gasNow;
            open.set(depth, -1);
        }
    }

    /** The entries, written one at a time into whatever JSON output the answer goes to. */
    JsonSerializable logs() {
        return new JsonSerializable.Base() {
            @Override
            public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeStartArray();
                for (int i = 0; i < count; i++) gen.writeRawValue(entry(i));
                gen.writeEndArray();
            }

            @Override
            public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
                    throws IOException {
                serialize(gen, serializers);
            }
        };
    }

    private String entry(int i) {
        long end = i + 1 < count ? starts[i + 1] : text.size();
        byte[] cost = ("\"gasCost\":" + gasCosts[i] + ",").getBytes(StandardCharsets.US_ASCII);
        int head = (int) (splits[i] - starts[i]);
        int tail = (int) (end - splits[i]);
        byte[] out = new byte[head + cost.length + tail + 2];
        out[0] = '{';
        text.copy(starts[i], out, 1, head);
        System.arraycopy(cost, 0, out, 1 + head, cost.length);
        text.copy(splits[i], out, 1 + head + cost.length, tail);
        out[out.length - 1] = '}';
        return new String(out, StandardCharsets.ISO_8859_1);
    }
}

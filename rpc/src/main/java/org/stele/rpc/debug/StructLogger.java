package org.stele.rpc.debug;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.stele.evm.tracing.StepView;
import org.stele.evm.tracing.Tracer;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;

/**
 * geth's default tracer: one entry per instruction with pc, op, gas, gasCost, depth and the stack (memory and
 * storage are left out, as with geth's {@code enableMemory: false, disableStorage: true}). {@code gasCost} is what
 * the frame's gas went down by until its next instruction, so a call's cost includes what its child used.
 */
final class StructLogger implements Tracer {
    private final int maxSteps;
    private final ArrayNode logs = JsonNodeFactory.instance.arrayNode();
    /** Per depth, the entry whose gasCost is still open and the gas it started with. */
    private final List<ObjectNode> open = new ArrayList<>();
    private final List<Long> openGas = new ArrayList<>();

    StructLogger(int maxSteps) {
        this.maxSteps = maxSteps;
    }

    @Override
    public void onStep(StepView step) {
        if (logs.size() >= maxSteps) {
            throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED,
                    "trace longer than " + maxSteps + " steps; use {\"tracer\":\"callTracer\"}");
        }
        int d = step.depth();
        close(d, step.gasLeft());
        ObjectNode e = logs.addObject();
        e.put("pc", step.pc());
        e.put("op", OpcodeNames.of(step.opcode()));
        e.put("gas", step.gasLeft());
        e.put("gasCost", 0);
        e.put("depth", d + 1);
        ArrayNode stack = e.putArray("stack");
        for (int i = step.stackSize() - 1; i >= 0; i--) stack.add(quantity(step.stackItem(i)));
        while (open.size() <= d) {
            open.add(null);
            openGas.add(0L);
        }
        open.set(d, e);
        openGas.set(d, step.gasLeft());
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

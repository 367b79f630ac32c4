package org.stele.rpc.debug;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.evm.Opcode;
import org.stele.evm.Status;
import org.stele.evm.tracing.Tracer;
import org.stele.rpc.eth.Quantity;

/** geth's {@code callTracer}: the tree of calls and creations with their gas, input, output and errors. */
final class CallTracer implements Tracer {
    private final Deque<ObjectNode> frames = new ArrayDeque<>();
    private ObjectNode root;

    @Override
    public void onCallEnter(int depth, int opcode, Address from, Address to, BigInteger value, Bytes input, long gas) {
        ObjectNode f = JsonNodeFactory.instance.objectNode();
        f.put("type", OpcodeNames.of(opcode));
        f.put("from", from.toHex());
        if (to != null) f.put("to", to.toHex());
        if (value != null && opcode != Opcode.DELEGATECALL && opcode != Opcode.STATICCALL)
            f.set("value", Quantity.of(value));
        f.set("gas", Quantity.of(gas));
        f.put("input", input.toHex());
        frames.push(f);
    }

    @Override
    public void onCallExit(int depth, Status status, Bytes output, long gasUsed) {
        if (frames.isEmpty()) return;
        ObjectNode f = frames.pop();
        f.set("gasUsed", Quantity.of(gasUsed));
        f.put("output", output.toHex());
        if (status != Status.SUCCESS)
            f.put("error", org.stele.rpc.eth.Calls.haltMessage(status));
        if (frames.isEmpty()) root = f;
        else {
            ObjectNode parent = frames.peek();
            (parent.has("calls")
                    ? (com.fasterxml.jackson.databind.node.ArrayNode) parent.get("calls")
                    : parent.putArray("calls")).add(f);
        }
    }

    ObjectNode root() {
        return root;
    }
}

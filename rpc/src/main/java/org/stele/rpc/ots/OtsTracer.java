package org.stele.rpc.ots;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.evm.Opcode;
import org.stele.evm.Status;
import org.stele.evm.tracing.StepView;
import org.stele.evm.tracing.Tracer;
import org.stele.rpc.eth.Quantity;

/**
 * Watches one transaction for Otterscan: the flat list of calls, creations and self-destructs with their depth
 * ({@code ots_traceTransaction}), and the operations that move ether or make contracts inside it
 * ({@code ots_getInternalOperations}). A delegate call's frame runs at its caller's address, so the code address it
 * targets is read from the stack at the instruction that opens it.
 */
final class OtsTracer implements Tracer {
    /** {@code ots_getInternalOperations} types, as Otterscan numbers them. */
    static final int TRANSFER = 0, SELF_DESTRUCT = 1, CREATE = 2, CREATE2 = 3;

    /** One internal operation: {@code to} is the receiver, the new contract, or the self-destruct's beneficiary. */
    record Operation(int type, Address from, Address to, BigInteger value) {}

    private final List<ObjectNode> entries = new ArrayList<>();
    private final List<Operation> operations = new ArrayList<>();
    /** Per open frame: the address it runs at, and its entry in {@link #entries}. */
    private final Deque<Address> contexts = new ArrayDeque<>();
    private final Deque<ObjectNode> open = new ArrayDeque<>();
    private Address codeAddressOfNextCall;

    @Override
    public void onStep(StepView step) {
        int op = step.opcode();
        if ((op == Opcode.DELEGATECALL || op == Opcode.CALLCODE) && step.stackSize() > 1) {
            codeAddressOfNextCall = Address.fromWord(Bytes32.wrap(step.stackItem(1)));
        } else if (op == Opcode.SELFDESTRUCT && step.stackSize() > 0) {
            Address beneficiary = Address.fromWord(Bytes32.wrap(step.stackItem(0)));
            BigInteger balance = step.balance();
            operations.add(new Operation(SELF_DESTRUCT, step.address(), beneficiary, balance));
            ObjectNode e = entry("SELFDESTRUCT", step.depth() + 1, step.address(), beneficiary, balance, Bytes.EMPTY);
            e.put("output", "0x");
            entries.add(e);
        }
    }

    @Override
    public void onCallEnter(int depth, int opcode, Address from, Address to, BigInteger value, Bytes input, long gas) {
        boolean delegated = opcode == Opcode.DELEGATECALL || opcode == Opcode.CALLCODE;
        Address caller = delegated && !contexts.isEmpty() ? contexts.peek() : from;
        Address target = delegated && codeAddressOfNextCall != null ? codeAddressOfNextCall : to;
        codeAddressOfNextCall = null;
        contexts.push(delegated ? caller : to);
        boolean carriesValue = opcode != Opcode.DELEGATECALL && opcode != Opcode.STATICCALL;
        ObjectNode e = entry(typeName(opcode), depth, caller, target, carriesValue ? value : null, input);
        entries.add(e);
        open.push(e);
        if (depth == 0)
            return;
        BigInteger amount = value == null ? BigInteger.ZERO : value;
        if (opcode == Opcode.CALL && amount.signum() > 0)
            operations.add(new Operation(TRANSFER, caller, target, amount));
        else if (opcode == Opcode.CREATE)
            operations.add(new Operation(CREATE, caller, target, amount));
        else if (opcode == Opcode.CREATE2)
            operations.add(new Operation(CREATE2, caller, target, amount));
    }

    @Override
    public void onCallExit(int depth, Status status, Bytes output, long gasUsed) {
        if (open.isEmpty())
            return;
        contexts.pop();
        open.pop().put("output", output.toHex());
    }

    /** The entries of {@code ots_traceTransaction}, in the order they began. */
    ArrayNode entries() {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        entries.forEach(a::add);
        return a;
    }

    List<Operation> operations() {
        return List.copyOf(operations);
    }

    private static ObjectNode entry(String type, int depth, Address from, Address to, BigInteger value, Bytes input) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("type", type);
        e.put("depth", depth);
        e.put("from", from.toHex());
        e.put("to", to == null ? null : to.toHex());
        if (value == null)
            e.putNull("value");
        else
            e.set("value", Quantity.of(value));
        e.put("input", input.toHex());
        return e;
    }

    private static String typeName(int opcode) {
        return switch (opcode) {
            case Opcode.CALLCODE -> "CALLCODE";
            case Opcode.DELEGATECALL -> "DELEGATECALL";
            case Opcode.STATICCALL -> "STATICCALL";
            case Opcode.CREATE -> "CREATE";
            case Opcode.CREATE2 -> "CREATE2";
            default -> "CALL";
        };
    }
}

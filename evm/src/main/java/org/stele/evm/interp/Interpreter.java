package org.stele.evm.interp;

import java.math.BigInteger;
import java.util.List;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Fork;
import org.stele.common.crypto.Keccak256;
import org.stele.evm.BlockContext;
import org.stele.evm.Evm;
import org.stele.evm.ExecutionResult;
import org.stele.evm.Log;
import org.stele.evm.Message;
import org.stele.evm.Status;
import org.stele.evm.TxContext;
import org.stele.evm.precompile.PrecompileResult;
import org.stele.evm.precompile.Precompiles;
import org.stele.evm.state.JournaledState;
import org.stele.evm.tracing.Tracer;

/**
 * Runs messages. Call frames live in {@link #frames}, indexed by depth: CALL and CREATE set up the child frame and
 * return {@link #ENTER}; the driver loop in {@link #run} switches to it, and when it halts hands its result back to
 * the parent. The Java stack therefore stays flat however deep the EVM calls go.
 */
public final class Interpreter {
    static final int CONTINUE = -1;
    static final int ENTER = -2;
    static final int MAX_DEPTH = 1024;
    static final byte[] EMPTY_HASH = Keccak256.hash(new byte[0]);
    private static final Status[] STATUSES = Status.values();

    final Fork fork;
    final GasSchedule gs;
    final Tracer tracer;
    private final Operation[] table;
    /** Words an opcode pops; and the highest stack height at which it may start without overflowing. */
    private final int[] pops = new int[256];
    private final int[] maxHeight = new int[256];
    private final long[] staticGas;
    final Precompiles precompiles;
    private final Frame[] frames = new Frame[MAX_DEPTH + 1];

    JournaledState state;
    BlockContext block;
    TxContext tx;

    // Result of the last frame that finished (or of a call that needed no frame).
    Status resultStatus;
    long resultGas;
    byte[] resultOutput;

    public Interpreter(Fork fork, Precompiles precompiles, Tracer tracer) {
        this.fork = fork;
        this.gs = GasSchedule.of(fork);
        this.tracer = tracer;
        this.staticGas = gs.opGas;
        this.table = OpTable.build(gs, pops, maxHeight);
        this.precompiles = precompiles;
    }

    private Frame frame(int depth) {
        Frame f = frames[depth];
        if (f == null) {
            f = new Frame(this, depth);
            frames[depth] = f;
        }
        return f;
    }

    // ------------------------------------------------------------------ entry

    public ExecutionResult execute(JournaledState state, Message msg, BlockContext block, TxContext tx) {
        this.state = state;
        this.block = block;
        this.tx = tx;
        try {
            state.warmAccount(msg.caller());
            state.warmAccount(msg.to());
            for (Address p : precompiles.addresses())
                state.warmAccount(p);
            byte[] input = msg.input().toArray();
            int r;
            if (msg.kind() == Message.Kind.CREATE) {
                if (tracer != null)
                    tracer.onCallEnter(0, 0xF0, msg.caller(), msg.to(), msg.value(), msg.input(), msg.gas());
                r = startCreate(0, msg.caller(), msg.to(), msg.value(), input, msg.gas(), false);
            } else {
                if (tracer != null)
                    tracer.onCallEnter(0, 0xF1, msg.caller(), msg.to(), msg.value(), msg.input(), msg.gas());
                r = startCall(0, 0xF1, msg.caller(), msg.to(), msg.to(), msg.value(), true, input, msg.gas(),
                        msg.isStatic());
            }
            if (r == ENTER)
                run(frames[0]);
            else if (tracer != null)
                tracer.onCallExit(0, resultStatus, Bytes.wrap(resultOutput), msg.gas() - resultGas);
            Status st = resultStatus;
            List<Log> logs = st.isSuccess() ? List.copyOf(state.logs()) : List.of();
            Address created = msg.kind() == Message.Kind.CREATE && st.isSuccess() ? msg.to() : null;
            // A creation's output is the code it deployed, as in geth (inside the EVM, CREATE leaves no return data).
            byte[] output = created != null ? state.code(created) : resultOutput;
            return new ExecutionResult(st, resultGas, state.refund(), Bytes.wrap(output), logs, created);
        } finally {
            this.state = null;
            this.block = null;
            this.tx = null;
        }
    }

    // ------------------------------------------------------------------ frames

    /**
     * Begins a message call at {@code depth}. Either sets up {@code frames[depth]} and returns {@link #ENTER}, or
     * finishes at once (precompile, account without code, failed transfer) with the result in the result fields and
     * returns the status ordinal.
     */
    int startCall(int depth, int opcode, Address caller, Address address, Address codeAddress, BigInteger value,
            boolean transfer, byte[] input, long gas,
            boolean isStatic) {
        long checkpoint = state.checkpoint();
        if (opcode == 0xF1 || opcode == 0xFA) {
            boolean isPrecompile = precompiles.contains(codeAddress);
            if (opcode == 0xF1 && !isPrecompile && value.signum() == 0 && !state.exists(address)) {
                // EIP-161: calling a non-existent account with no value creates nothing.
                return finishNow(Status.SUCCESS, gas, Frame.EMPTY);
            }
            if (opcode == 0xF1) {
                if (!state.transfer(caller, address, value))
                    return finishNow(Status.INSUFFICIENT_BALANCE, gas, Frame.EMPTY);
            } else {
                state.touch(address);
            }
        }
        if (precompiles.contains(codeAddress)) {
            PrecompileResult pr = precompiles.get(codeAddress).execute(input, gas);
            if (pr.isSuccess()) {
                return finishNow(Status.SUCCESS, gas - pr.gasUsed(), pr.output());
            }
            state.revert(checkpoint);
            return finishNow(Status.PRECOMPILE_FAILURE, 0, Frame.EMPTY);
        }
        byte[] code = state.code(codeAddress);
        if (code.length == 0)
            return finishNow(Status.SUCCESS, gas, Frame.EMPTY);
        Frame f = frame(depth);
        f.reset(code, state.jumpDests(codeAddress), gas);
        f.isCreate = false;
        f.isStatic = isStatic;
        f.address = address;
        f.caller = caller;
        f.value = value;
        f.input = input;
        f.checkpoint = checkpoint;
        f.openedBy = opcode;
        return ENTER;
    }

    /** Begins a creation at {@code address}: collision check, new account with nonce 1, value transfer, init code. */
    int startCreate(int depth, Address caller, Address address, BigInteger value, byte[] initCode, long gas,
            boolean isCreate2) {
        if (state.hasCollision(address)) {
            return finishNow(Status.CREATE_COLLISION, 0, Frame.EMPTY);
        }
        long checkpoint = state.checkpoint();
        state.createAccount(address);
        state.setNonce(address, 1);
        if (!state.transfer(caller, address, value)) {
            state.revert(checkpoint);
            return finishNow(Status.INSUFFICIENT_BALANCE, gas, Frame.EMPTY);
        }
        Frame f = frame(depth);
        f.reset(initCode, JournaledState.analyse(initCode), gas);
        f.isCreate = true;
        f.isStatic = false;
        f.address = address;
        f.caller = caller;
        f.value = value;
        f.input = Frame.EMPTY;
        f.checkpoint = checkpoint;
        f.openedBy = isCreate2 ? 0xF5 : 0xF0;
        if (initCode.length == 0) {
            // Nothing to run: the account exists with empty code.
            return finishFrame(f, Status.SUCCESS);
        }
        return ENTER;
    }

    private int finishNow(Status st, long gasLeft, byte[] output) {
        resultStatus = st;
        resultGas = gasLeft;
        resultOutput = output;
        return st.ordinal();
    }

    /** Ends a frame: deposits code for creations, commits or reverts its checkpoint, and sets the result fields. */
    int finishFrame(Frame f, Status st) {
        if (st == Status.SUCCESS && f.isCreate) {
            byte[] code = f.output;
            if (code.length > gs.maxCodeSize) {
                st = Status.CODE_SIZE_EXCEEDED;
            } else if (gs.rejectEfCode && code.length > 0 && code[0] == (byte) 0xEF) {
                st = Status.INVALID_CODE_PREFIX;
            } else if (f.gas < gs.createDataGas * code.length) {
                st = Status.OUT_OF_GAS;
            } else {
                f.gas -= gs.createDataGas * code.length;
                state.setCode(f.address, code);
                f.output = Frame.EMPTY;
            }
        }
        if (st == Status.SUCCESS) {
            resultStatus = st;
            resultGas = f.gas;
            resultOutput = f.output;
        } else if (st == Status.REVERT) {
            state.revert(f.checkpoint);
            resultStatus = st;
            resultGas = f.gas;
            resultOutput = f.output;
        } else {
            state.revert(f.checkpoint);
            resultStatus = st;
            resultGas = 0;
            resultOutput = Frame.EMPTY;
        }
        return st.ordinal();
    }

    /** Drives frames from {@code root} until it halts; children are entered and left without Java recursion. */
    private void run(Frame root) {
        Frame f = root;
        while (true) {
            int r = tracer == null ? loop(f) : loopTraced(f);
            if (r == ENTER) {
                f = frames[f.depth + 1];
                if (tracer != null)
                    tracer.onCallEnter(f.depth, f.openedBy, f.caller, f.address, f.value,
                            Bytes.wrap(f.isCreate ? f.code : f.input), f.gas);
                continue;
            }
            finishFrame(f, STATUSES[r]);
            if (tracer != null)
                tracer.onCallExit(f.depth, resultStatus, Bytes.wrap(resultOutput), f.gasAtStart - resultGas);
            if (f == root)
                return;
            Frame parent = frames[f.depth - 1];
            if (f.isCreate)
                Calls.returnFromCreate(parent, f);
            else
                Calls.returnFromCall(parent, f);
            f = parent;
        }
    }

    /** The interpreter loop without tracing. Returns a halting status ordinal or {@link #ENTER}. */
    private int loop(Frame f) {
        final byte[] code = f.code;
        final Operation[] table = this.table;
        final long[] staticGas = this.staticGas;
        final int[] pops = this.pops, maxHeight = this.maxHeight;
        while (true) {
            int pc = f.pc;
            if (pc >= code.length) {
                f.output = Frame.EMPTY;
                return Status.SUCCESS.ordinal();
            }
            int op = code[pc] & 0xFF;
            long cost = staticGas[op];
            if (cost < 0)
                return Status.INVALID_OPCODE.ordinal();
            int sp = f.sp;
            if (sp < pops[op])
                return Status.STACK_UNDERFLOW.ordinal();
            if (sp > maxHeight[op])
                return Status.STACK_OVERFLOW.ordinal();
            if (f.gas < cost)
                return Status.OUT_OF_GAS.ordinal();
            f.gas -= cost;
            f.pc = pc + 1;
            int r = dispatch(op, f, table);
            if (r != CONTINUE)
                return r;
        }
    }

    /**
     * Runs one opcode. The frequent ones are called directly so the JIT can inline them instead of going through one
     * megamorphic interface call; the table maps each of them to the same method in every fork (an opcode a fork does
     * not define was already rejected by its static gas), so both paths behave identically.
     */
    private static int dispatch(int op, Frame f, Operation[] table) {
        return switch (op) {
            case 0x01 -> Ops.add(f);
            case 0x02 -> Ops.mul(f);
            case 0x03 -> Ops.sub(f);
            case 0x04 -> Ops.div(f);
            case 0x05 -> Ops.sdiv(f);
            case 0x06 -> Ops.mod(f);
            case 0x07 -> Ops.smod(f);
            case 0x08 -> Ops.addmod(f);
            case 0x09 -> Ops.mulmod(f);
            case 0x0B -> Ops.signExtend(f);
            case 0x10 -> Ops.lt(f);
            case 0x11 -> Ops.gt(f);
            case 0x12 -> Ops.slt(f);
            case 0x13 -> Ops.sgt(f);
            case 0x14 -> Ops.eq(f);
            case 0x15 -> Ops.isZero(f);
            case 0x16 -> Ops.and(f);
            case 0x17 -> Ops.or(f);
            case 0x18 -> Ops.xor(f);
            case 0x19 -> Ops.not(f);
            case 0x1A -> Ops.byteOp(f);
            case 0x1B -> Ops.shl(f);
            case 0x1C -> Ops.shr(f);
            case 0x1D -> Ops.sar(f);
            case 0x50 -> Ops.pop(f);
            case 0x51 -> Ops.mload(f);
            case 0x52 -> Ops.mstore(f);
            case 0x56 -> Ops.jump(f);
            case 0x57 -> Ops.jumpi(f);
            case 0x5B -> Ops.jumpDest(f);
            case 0x5E -> Ops.mcopy(f);
            case 0x5F -> Ops.push0(f);
            case 0x60 -> Ops.push1(f);
            case 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70, 0x71,
                    0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F ->
                Ops.push(f, op - 0x5F);
            case 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F ->
                Ops.dup(f, op - 0x7F);
            case 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F ->
                Ops.swap(f, op - 0x8F);
            default -> table[op].execute(f);
        };
    }

    /** The same loop, reporting each step to the tracer. */
    private int loopTraced(Frame f) {
        final byte[] code = f.code;
        while (true) {
            int pc = f.pc;
            if (pc >= code.length) {
                f.output = Frame.EMPTY;
                return Status.SUCCESS.ordinal();
            }
            tracer.onStep(f);
            int op = code[pc] & 0xFF;
            long cost = staticGas[op];
            if (cost < 0)
                return Status.INVALID_OPCODE.ordinal();
            int sp = f.sp;
            if (sp < pops[op])
                return Status.STACK_UNDERFLOW.ordinal();
            if (sp > maxHeight[op])
                return Status.STACK_OVERFLOW.ordinal();
            if (f.gas < cost)
                return Status.OUT_OF_GAS.ordinal();
            f.gas -= cost;
            f.pc = pc + 1;
            int r = table[op].execute(f);
            if (r != CONTINUE)
                return r;
        }
    }

    Frame childFrame(Frame parent) {
        return frame(parent.depth + 1);
    }

    static Address create2(Address sender, byte[] salt, byte[] initCode) {
        return Evm.create2Address(sender, salt, Keccak256.hash(initCode));
    }
}

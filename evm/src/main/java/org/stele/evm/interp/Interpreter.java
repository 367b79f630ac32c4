package org.stele.evm.interp;

import static org.stele.evm.Opcode.*;

import java.math.BigInteger;
import java.util.List;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Fork;
import org.stele.common.crypto.Keccak256;
import org.stele.evm.BlockContext;
import org.stele.evm.CallGuard;
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
    private final int[] pops;
    private final int[] maxHeight;
    private final long[] staticGas;
    /**
     * Each opcode's checks packed in one long for the untraced loop: static gas in bits 0–31, the least stack height
     * it needs in bits 32–47 (2047 for an opcode the fork does not define, which no height satisfies), and how far
     * above that the height may be in bits 48–63.
     */
    private final long[] opInfo;
    final Precompiles precompiles;
    private final SegmentCompiler segmentCompiler;
    private final Frame[] frames = new Frame[MAX_DEPTH + 1];

    JournaledState state;
    BlockContext block;
    TxContext tx;
    /** The chain's call rule for this message, or null when it has nothing to refuse. */
    CallGuard guard;

    // Result of the last frame that finished (or of a call that needed no frame).
    Status resultStatus;
    long resultGas;
    byte[] resultOutput;

    public Interpreter(Fork fork, Precompiles precompiles, Tracer tracer) {
        this.fork = fork;
        ForkTables t = ForkTables.of(fork);
        this.gs = t.gs;
        this.tracer = tracer;
        this.staticGas = t.gs.opGas;
        this.table = t.table;
        this.pops = t.pops;
        this.maxHeight = t.maxHeight;
        this.opInfo = t.opInfo;
        this.precompiles = precompiles;
        this.segmentCompiler = t.segmentCompiler;
    }

    /**
     * What an interpreter derives from its fork alone: the gas schedule, the operation table, the stack bounds and
     * the segment compiler over them. Built once per fork and shared (none of it is written after it is built):
     * {@code eth_call} makes an interpreter for every call, and building these took about a fifth of a small call's
     * CPU.
     */
    private record ForkTables(GasSchedule gs, Operation[] table, int[] pops, int[] maxHeight, long[] opInfo,
            SegmentCompiler segmentCompiler) {
        private static final java.util.Map<Fork, ForkTables> BY_FORK = new java.util.concurrent.ConcurrentHashMap<>();

        static ForkTables of(Fork fork) {
            return BY_FORK.computeIfAbsent(fork, ForkTables::build);
        }

        private static ForkTables build(Fork fork) {
            GasSchedule gs = GasSchedule.of(fork);
            long[] staticGas = gs.opGas;
            int[] pops = new int[256];
            int[] maxHeight = new int[256];
            int[] growth = new int[256];
            Operation[] table = OpTable.build(gs, pops, maxHeight, growth);
            long[] opInfo = new long[256];
            for (int op = 0; op < 256; op++) {
                int lo = staticGas[op] < 0 ? 2047 : pops[op];
                long range = staticGas[op] < 0 ? 0 : maxHeight[op] - pops[op];
                if (staticGas[op] > Integer.MAX_VALUE)
                    throw new IllegalStateException("static gas of opcode " + op + " does not fit the packed table");
                opInfo[op] = Math.max(0, staticGas[op]) | ((long) lo << 32) | (range << 48);
            }
            return new ForkTables(gs, table, pops, maxHeight, opInfo,
                    new SegmentCompiler(staticGas, pops, maxHeight, growth));
        }
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

    public ExecutionResult execute(JournaledState state, Message msg, BlockContext block, TxContext tx,
            CallGuard guard) {
        this.state = state;
        this.block = block;
        this.tx = tx;
        this.guard = guard;
        try {
            state.warmAccount(msg.caller());
            state.warmAccount(msg.to());
            for (Address p : precompiles.addresses())
                state.warmAccount(p);
            byte[] input = msg.input().toArray();
            int r;
            if (msg.kind() == Message.Kind.CREATE) {
                if (tracer != null)
                    tracer.onCallEnter(0, CREATE, msg.caller(), msg.to(), msg.value(), msg.input(), msg.gas());
                r = startCreate(0, msg.caller(), msg.to(), msg.value(), input, msg.gas(), false);
            } else {
                if (tracer != null)
                    tracer.onCallEnter(0, CALL, msg.caller(), msg.to(), msg.value(), msg.input(), msg.gas());
                r = startCall(0, CALL, msg.caller(), msg.to(), msg.to(), msg.value(), true, input, msg.gas(),
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
            this.guard = null;
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
        if (guard != null) {
            byte[] refusal = guard.refusal(address, codeAddress);
            if (refusal != null)
                return finishNow(Status.REVERT, gas, refusal);
        }
        long checkpoint = state.checkpoint();
        if (opcode == CALL || opcode == STATICCALL) {
            boolean isPrecompile = precompiles.contains(codeAddress);
            if (opcode == CALL && !isPrecompile && value.signum() == 0 && !state.exists(address)) {
                // EIP-161: calling a non-existent account with no value creates nothing.
                return finishNow(Status.SUCCESS, gas, Frame.EMPTY);
            }
            if (opcode == CALL) {
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
        f.profile = tracer == null
                ? CodeProfiles.of(fork, state.codeHash(codeAddress), code,
                        segmentCompiler)
                : null;
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
        if (guard != null) {
            byte[] refusal = guard.creationRefusal(address);
            if (refusal != null)
                return finishNow(Status.REVERT, gas, refusal);
        }
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
        f.profile = null;
        f.isCreate = true;
        f.isStatic = false;
        f.address = address;
        f.caller = caller;
        f.value = value;
        f.input = Frame.EMPTY;
        f.checkpoint = checkpoint;
        f.openedBy = isCreate2 ? CREATE2 : CREATE;
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

    /**
     * The interpreter loop without tracing. Returns a halting status ordinal or {@link #ENTER}.
     *
     * <p>
     * The program counter, stack height and gas live in locals while the hot opcodes run, written inline here on the
     * limb stack; they are written back to the frame only around the opcodes that go through {@link #dispatchRest}
     * (and on every exit), because a store to the frame on every step is what an interpreter in Java pays most for.
     * The operation table maps each inlined opcode to a method with the same behaviour, which the traced loop
     * uses; an opcode a fork does not define was already rejected by its static gas, so both paths agree.
     */
    private int loop(Frame f) {
        final byte[] code = f.code;
        final int codeLen = code.length;
        final long[] s = f.stack;
        final long[] jumpDests = f.jumpDests;
        final Operation[] table = this.table;
        final long[] opInfo = this.opInfo;
        int pc = f.pc, sp = f.sp;
        long gas = f.gas;
        // Memory changes only in Frame.expand, after which these are read again.
        byte[] memory = f.memory;
        long memSize = f.memSize;
        while (true) {
            if (pc >= codeLen) {
                f.pc = pc;
                f.sp = sp;
                f.gas = gas;
                f.output = Frame.EMPTY;
                return SUCCESS;
            }
            int op = code[pc] & 0xFF;
            long info = opInfo[op];
            long cost = info & 0xFFFF_FFFFL;
            // One unsigned comparison checks both stack bounds: sp - lo wraps around when sp < lo.
            if (gas < cost | Integer.compareUnsigned(sp - ((int) (info >>> 32) & 0xFFFF), (int) (info >>> 48)) > 0) {
                f.pc = pc;
                f.sp = sp;
                f.gas = gas;
                return haltBefore(op, sp);
            }
            gas -= cost;
            pc++;
            // t: the top word; n: where a pushed word goes.
            final int t = (sp - 1) << 2, n = sp << 2;
            switch (op) {
                case ADD -> {
                    SegmentOps.add(s, t);
                    sp--;
                }
                case MUL -> {
                    SegmentOps.mul(s, t);
                    sp--;
                }
                case SUB -> {
                    SegmentOps.sub(s, t);
                    sp--;
                }
                case DIV -> {
                    SegmentOps.div(s, t);
                    sp--;
                }
                case SDIV -> {
                    SegmentOps.sdiv(s, t);
                    sp--;
                }
                case MOD -> {
                    SegmentOps.mod(s, t);
                    sp--;
                }
                case SMOD -> {
                    SegmentOps.smod(s, t);
                    sp--;
                }
                case ADDMOD -> {
                    SegmentOps.addmod(s, t);
                    sp -= 2;
                }
                case MULMOD -> {
                    SegmentOps.mulmod(s, t);
                    sp -= 2;
                }
                case SIGNEXTEND -> {
                    SegmentOps.signExtend(s, t);
                    sp--;
                }
                case LT -> {
                    SegmentOps.lt(s, t);
                    sp--;
                }
                case GT -> {
                    SegmentOps.gt(s, t);
                    sp--;
                }
                case SLT -> {
                    SegmentOps.slt(s, t);
                    sp--;
                }
                case SGT -> {
                    SegmentOps.sgt(s, t);
                    sp--;
                }
                case EQ -> {
                    SegmentOps.eq(s, t);
                    sp--;
                }
                case ISZERO -> SegmentOps.isZero(s, t);
                case AND -> {
                    SegmentOps.and(s, t);
                    sp--;
                }
                case OR -> {
                    SegmentOps.or(s, t);
                    sp--;
                }
                case XOR -> {
                    SegmentOps.xor(s, t);
                    sp--;
                }
                case NOT -> SegmentOps.not(s, t);
                case BYTE -> {
                    SegmentOps.byteAt(s, t);
                    sp--;
                }
                case SHL -> {
                    SegmentOps.shl(s, t);
                    sp--;
                }
                case SHR -> {
                    SegmentOps.shr(s, t);
                    sp--;
                }
                case SAR -> {
                    SegmentOps.sar(s, t);
                    sp--;
                }
                case POP -> sp--;
                case MLOAD -> {
                    long off = U256.clamp(s, t);
                    if (off > memSize - 32) {
                        f.gas = gas;
                        if (!f.expand(off, 32)) {
                            f.pc = pc;
                            f.sp = sp;
                            return Ops.OOG;
                        }
                        gas = f.gas;
                        memory = f.memory;
                        memSize = f.memSize;
                    }
                    U256Bytes.fromBytes32(memory, (int) off, s, t);
                }
                case MSTORE -> {
                    long off = U256.clamp(s, t);
                    if (off > memSize - 32) {
                        f.gas = gas;
                        if (!f.expand(off, 32)) {
                            f.pc = pc;
                            f.sp = sp;
                            return Ops.OOG;
                        }
                        gas = f.gas;
                        memory = f.memory;
                        memSize = f.memSize;
                    }
                    U256Bytes.toBytes(s, t - 4, memory, (int) off);
                    sp -= 2;
                }
                case MSTORE8 -> {
                    long off = U256.clamp(s, t);
                    if (off >= memSize) {
                        f.gas = gas;
                        if (!f.expand(off, 1)) {
                            f.pc = pc;
                            f.sp = sp;
                            return Ops.OOG;
                        }
                        gas = f.gas;
                        memory = f.memory;
                        memSize = f.memSize;
                    }
                    memory[(int) off] = (byte) s[t - 4];
                    sp -= 2;
                }
                case JUMP -> {
                    long dest = U256.clamp(s, t);
                    sp--;
                    if (dest >= codeLen || (jumpDests[(int) (dest >>> 6)] & (1L << dest)) == 0) {
                        f.pc = pc;
                        f.sp = sp;
                        f.gas = gas;
                        return INVALID_JUMP;
                    }
                    pc = (int) dest;
                }
                case JUMPI -> {
                    sp -= 2;
                    if (!U256.isZero(s, t - 4)) {
                        long dest = U256.clamp(s, t);
                        if (dest >= codeLen || (jumpDests[(int) (dest >>> 6)] & (1L << dest)) == 0) {
                            f.pc = pc;
                            f.sp = sp;
                            f.gas = gas;
                            return INVALID_JUMP;
                        }
                        pc = (int) dest;
                    } else {
                        Segment seg = f.profile == null ? null : f.profile.enter(pc);
                        if (seg != null && seg.canRun(gas, sp, memSize)) {
                            gas -= seg.gas;
                            seg.code.run(s, sp << 2, memory);
                            sp += seg.growth;
                            pc = seg.endPc;
                        }
                    }
                }
                case JUMPDEST -> {
                    // JUMPDEST: static gas only; then, when the run of stack-only and constant-offset memory opcodes
                    // after it is hot and compiled, that whole run at once if gas, stack and memory let it finish.
                    // A JUMPI that does not jump does the same for the run after it.
                    Segment seg = f.profile == null ? null : f.profile.enter(pc);
                    if (seg != null && seg.canRun(gas, sp, memSize)) {
                        gas -= seg.gas;
                        seg.code.run(s, sp << 2, memory);
                        sp += seg.growth;
                        pc = seg.endPc;
                    }
                }
                case PUSH0 -> {
                    U256.set(s, n, 0);
                    sp++;
                }
                // PUSH1 followed by MLOAD or MSTORE, and PUSH2 followed by JUMP or JUMPI, are how compiled code reads
                // and writes memory at constant offsets and jumps to labels. When the second opcode's checks pass
                // (static gas, stack, memory already large enough) it runs here, which saves one dispatch; otherwise
                // the loop takes it on its own as usual. These four opcodes exist in every fork.
                case PUSH1 -> {
                    long v = pc < codeLen ? code[pc] & 0xFF : 0;
                    pc++;
                    int next = pc < codeLen ? code[pc] & 0xFF : 0;
                    if (next == MLOAD && v <= memSize - 32 && gas >= (opInfo[MLOAD] & 0xFFFF_FFFFL)) {
                        gas -= opInfo[MLOAD] & 0xFFFF_FFFFL;
                        pc++;
                        U256Bytes.fromBytes32(memory, (int) v, s, n);
                        sp++;
                    } else if (next == MSTORE && sp >= 1 && v <= memSize - 32
                            && gas >= (opInfo[MSTORE] & 0xFFFF_FFFFL)) {
                        gas -= opInfo[MSTORE] & 0xFFFF_FFFFL;
                        pc++;
                        U256Bytes.toBytes(s, t, memory, (int) v);
                        sp--;
                    } else {
                        U256.set(s, n, v);
                        sp++;
                    }
                }
                case PUSH2 -> {
                    if (pc + 2 > codeLen) {
                        U256Bytes.fromBytesPadRight(code, pc, 2, s, n);
                        sp++;
                        pc += 2;
                        break;
                    }
                    long v = ((code[pc] & 0xFF) << 8) | (code[pc + 1] & 0xFF);
                    pc += 2;
                    int next = pc < codeLen ? code[pc] & 0xFF : 0;
                    if (next == JUMPI && sp >= 1 && gas >= (opInfo[JUMPI] & 0xFFFF_FFFFL)) {
                        gas -= opInfo[JUMPI] & 0xFFFF_FFFFL;
                        pc++;
                        sp--;
                        if (!U256.isZero(s, t)) {
                            if (v >= codeLen || (jumpDests[(int) (v >>> 6)] & (1L << v)) == 0) {
                                f.pc = pc;
                                f.sp = sp;
                                f.gas = gas;
                                return INVALID_JUMP;
                            }
                            pc = (int) v;
                        } else {
                            Segment seg = f.profile == null ? null : f.profile.enter(pc);
                            if (seg != null && seg.canRun(gas, sp, memSize)) {
                                gas -= seg.gas;
                                seg.code.run(s, sp << 2, memory);
                                sp += seg.growth;
                                pc = seg.endPc;
                            }
                        }
                    } else if (next == JUMP && gas >= (opInfo[JUMP] & 0xFFFF_FFFFL)) {
                        gas -= opInfo[JUMP] & 0xFFFF_FFFFL;
                        pc++;
                        if (v >= codeLen || (jumpDests[(int) (v >>> 6)] & (1L << v)) == 0) {
                            f.pc = pc;
                            f.sp = sp;
                            f.gas = gas;
                            return INVALID_JUMP;
                        }
                        pc = (int) v;
                    } else {
                        U256.set(s, n, v);
                        sp++;
                    }
                }
                case PUSH3, PUSH4, PUSH5, PUSH6, PUSH7, PUSH8 -> {
                    // PUSH3 to PUSH8: one limb, read as the eight bytes that end with the immediate, masked.
                    int len = op - PUSH0, end = pc + len;
                    if (end <= codeLen && end >= 8)
                        U256.set(s, n, U256Bytes.readLong(code, end - 8) & (-1L >>> (64 - (len << 3))));
                    else
                        U256Bytes.fromCode(code, pc, len, s, n);
                    sp++;
                    pc = end;
                }
                case PUSH9, PUSH10, PUSH11, PUSH12, PUSH13, PUSH14, PUSH15, PUSH16, PUSH17, PUSH18,
                        PUSH19, PUSH20, PUSH21, PUSH22, PUSH23, PUSH24, PUSH25, PUSH26, PUSH27, PUSH28, PUSH29, PUSH30,
                        PUSH31, PUSH32 -> {
                    int len = op - PUSH0;
                    U256Bytes.fromCode(code, pc, len, s, n);
                    sp++;
                    pc += len;
                }
                case DUP1, DUP2, DUP3, DUP4, DUP5, DUP6, DUP7, DUP8, DUP9, DUP10, DUP11, DUP12, DUP13, DUP14, DUP15,
                        DUP16 -> {
                    SegmentOps.dup(s, n, n - ((op - DUP1 + 1) << 2));
                    sp++;
                }
                case SWAP1, SWAP2, SWAP3, SWAP4, SWAP5, SWAP6, SWAP7, SWAP8, SWAP9, SWAP10, SWAP11, SWAP12, SWAP13,
                        SWAP14, SWAP15, SWAP16 -> {
                    SegmentOps.swap(s, t, t - ((op - SWAP1 + 1) << 2));
                }
                default -> {
                    f.pc = pc;
                    f.sp = sp;
                    f.gas = gas;
                    int r = dispatchRest(op, f, table);
                    if (r != CONTINUE)
                        return r;
                    pc = f.pc;
                    sp = f.sp;
                    gas = f.gas;
                    memory = f.memory;
                    memSize = f.memSize;
                }
            }
        }
    }

    private static final int SUCCESS = Status.SUCCESS.ordinal();
    private static final int INVALID_JUMP = Status.INVALID_JUMP.ordinal();

    /** Why an opcode cannot start, checked in the order the loop's single combined test stands for. */
    private int haltBefore(int op, int sp) {
        if (staticGas[op] < 0)
            return Status.INVALID_OPCODE.ordinal();
        if (sp < pops[op])
            return Status.STACK_UNDERFLOW.ordinal();
        if (sp > maxHeight[op])
            return Status.STACK_OVERFLOW.ordinal();
        return Status.OUT_OF_GAS.ordinal();
    }

    /**
     * The opcodes the loop does not inline. The frequent ones are still called directly so the JIT can inline them
     * instead of going through one megamorphic interface call.
     */
    private static int dispatchRest(int op, Frame f, Operation[] table) {
        return switch (op) {
            case EXP -> ArithmeticOps.exp(f);
            case KECCAK256 -> ArithmeticOps.keccak(f);
            case MCOPY -> Ops.mcopy(f);
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

package org.stele.evm.interp;

import static org.stele.evm.Opcode.*;

import java.io.Serializable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.stele.evm.Opcode;

/**
 * Finds the {@link Segment} that starts after a JUMPDEST or a JUMPI and compiles it to a hidden class: straight-line
 * JVM bytecode with one {@link SegmentOps} call per opcode (or per PUSH and the memory opcode after it), each operand
 * index {@code b} plus a constant. Static gas, stack effects and bounds, and which opcodes a fork defines come from
 * the interpreter's tables for that fork, so a segment is valid for that fork only.
 */
final class SegmentCompiler {
    /** Fewer opcodes than this are not worth a call into compiled code. */
    static final int MIN_OPCODES = 4;
    /** Keeps each generated method far below the size the JIT still compiles. */
    static final int MAX_OPCODES = 256;

    private static final String BASE = Type.getInternalName(SegmentCode.class);
    /** A hidden class must be in its lookup's package. */
    private static final String NAME = BASE.substring(0, BASE.lastIndexOf('/') + 1) + "CompiledSegment";
    /** The method each compiled segment overrides. */
    private static final MethodRef RUN = MethodRef.of((Body) SegmentCode::run);
    /** The {@link SegmentOps} method of each opcode that works on the top word(s); null for every other opcode. */
    private static final MethodRef[] TOP = topOps();
    /** The {@link SegmentOps} method of MLOAD, MSTORE and MSTORE8 after a constant offset; null for the others. */
    private static final MethodRef[] MEMORY = memoryOps();
    private static final MethodRef SET = MethodRef.of((OneLimb) U256::set);
    private static final MethodRef PUSH = MethodRef.of((FourLimbs) SegmentOps::push);
    private static final MethodRef DUP = MethodRef.of((TwoWords) SegmentOps::dup);
    private static final MethodRef SWAP = MethodRef.of((TwoWords) SegmentOps::swap);
    /** A constant memory offset above this ends the run: memory that large is not worth checking ahead. */
    private static final long MAX_CONSTANT_OFFSET = 1 << 24;

    private final long[] staticGas;
    private final int[] pops;
    private final int[] maxHeight;
    private final int[] growth;

    /** The fork's tables as {@link OpTable#build} fills them. */
    SegmentCompiler(long[] staticGas, int[] pops, int[] maxHeight, int[] growth) {
        this.staticGas = staticGas;
        this.pops = pops;
        this.maxHeight = maxHeight;
        this.growth = growth;
    }

    // The shapes of the methods a segment calls, so that each is named by a method reference.
    private interface Body extends Serializable {
        void run(SegmentCode code, long[] s, int b, byte[] memory);
    }

    private interface TopWords extends Serializable {
        void run(long[] s, int t);
    }

    private interface MemoryAccess extends Serializable {
        void run(long[] s, int i, byte[] memory, int offset);
    }

    private interface OneLimb extends Serializable {
        void run(long[] s, int n, long value);
    }

    private interface FourLimbs extends Serializable {
        void run(long[] s, int n, long l0, long l1, long l2, long l3);
    }

    private interface TwoWords extends Serializable {
        void run(long[] s, int i, int j);
    }

    private static MethodRef[] topOps() {
        MethodRef[] m = new MethodRef[256];
        top(m, ADD, SegmentOps::add);
        top(m, MUL, SegmentOps::mul);
        top(m, SUB, SegmentOps::sub);
        top(m, DIV, SegmentOps::div);
        top(m, SDIV, SegmentOps::sdiv);
        top(m, MOD, SegmentOps::mod);
        top(m, SMOD, SegmentOps::smod);
        top(m, ADDMOD, SegmentOps::addmod);
        top(m, MULMOD, SegmentOps::mulmod);
        top(m, SIGNEXTEND, SegmentOps::signExtend);
        top(m, LT, SegmentOps::lt);
        top(m, GT, SegmentOps::gt);
        top(m, SLT, SegmentOps::slt);
        top(m, SGT, SegmentOps::sgt);
        top(m, EQ, SegmentOps::eq);
        top(m, ISZERO, SegmentOps::isZero);
        top(m, AND, SegmentOps::and);
        top(m, OR, SegmentOps::or);
        top(m, XOR, SegmentOps::xor);
        top(m, NOT, SegmentOps::not);
        top(m, BYTE, SegmentOps::byteAt);
        top(m, SHL, SegmentOps::shl);
        top(m, SHR, SegmentOps::shr);
        top(m, SAR, SegmentOps::sar);
        return m;
    }

    private static void top(MethodRef[] m, int op, TopWords method) {
        m[op] = MethodRef.of(method);
    }

    private static MethodRef[] memoryOps() {
        MethodRef[] m = new MethodRef[256];
        m[MLOAD] = MethodRef.of((MemoryAccess) SegmentOps::mload);
        m[MSTORE] = MethodRef.of((MemoryAccess) SegmentOps::mstore);
        m[MSTORE8] = MethodRef.of((MemoryAccess) SegmentOps::mstore8);
        return m;
    }

    private static boolean compilable(int op) {
        return TOP[op] != null || op == POP || op == PC || (op >= PUSH0 && op <= SWAP16);
    }

    /**
     * The memory opcode (MLOAD, MSTORE, MSTORE8) that follows a PUSH1–PUSH4 at {@code pc}, making a constant-offset
     * access; 0 when there is none.
     */
    static int memoryOpAfterPush(byte[] code, int pc) {
        int op = code[pc] & 0xFF;
        if (op < PUSH1 || op > PUSH4)
            return 0;
        int at = pc + 1 + (op - PUSH0);
        if (at >= code.length)
            return 0;
        int next = code[at] & 0xFF;
        return MEMORY[next] != null ? next : 0;
    }

    /** What a run adds up to so far: the entry heights it allows, its height change, static gas and length. */
    private final class Run {
        int lo = 0, hi = Frame.STACK_LIMIT, height = 0, opcodes = 0;
        long gas = 0;

        void add(int op) {
            lo = Math.max(lo, pops[op] - height);
            hi = Math.min(hi, maxHeight[op] - height);
            height += growth[op];
            gas += staticGas[op];
            opcodes++;
        }
    }

    /**
     * The segment that starts at {@code start} (just after a JUMPDEST or a JUMPI) in {@code code}, compiled;
     * {@link Segment#NONE} when it is shorter than {@link #MIN_OPCODES} or no entry height could run it without
     * halting. One pass over the code both adds up the run and writes its bytecode.
     */
    Segment compile(byte[] code, int start) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        MethodVisitor mv = begin(cw);
        Run run = new Run();
        long memory = 0;
        int pc = start;
        while (pc < code.length && run.opcodes < MAX_OPCODES) {
            int op = code[pc] & 0xFF;
            if (!compilable(op) || staticGas[op] < 0)
                break;
            int len = Opcode.immediateSize(op);
            if (pc + 1 + len > code.length)
                break; // a PUSH cut short by the end of the code: left to the interpreter
            int top = 4 * (run.height - 1), next = 4 * run.height;
            int memOp = memoryOpAfterPush(code, pc);
            if (memOp != 0) {
                long offset = immediate(code, pc + 1, len)[0];
                if (staticGas[memOp] < 0 || offset > MAX_CONSTANT_OFFSET)
                    break;
                memory = Math.max(memory, offset + (memOp == MSTORE8 ? 1 : 32));
                index(mv, memOp == MLOAD ? next : top);
                mv.visitVarInsn(Opcodes.ALOAD, 3);
                mv.visitLdcInsn((int) offset);
                MEMORY[memOp].invokeStatic(mv);
                run.add(op);
                run.add(memOp);
                pc += 2 + len;
                continue;
            }
            emit(mv, code, pc, op, top, next);
            run.add(op);
            pc += 1 + len;
        }
        if (run.opcodes < MIN_OPCODES || run.lo > run.hi)
            return Segment.NONE;
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        // Memory only ever grows in 32-byte words, so what must be in use is a whole number of them.
        long words = (memory + 31) >>> 5;
        return new Segment(define(cw.toByteArray()), run.gas, run.lo, run.hi, run.height, pc, run.opcodes,
                words << 5);
    }

    /** Starts the hidden class and its {@code run} method, whose body {@link #compile} writes. */
    private static MethodVisitor begin(ClassWriter cw) {
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, NAME, null,
                BASE, null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, BASE, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_FINAL, RUN.name(), RUN.descriptor(), null, null);
        mv.visitCode();
        return mv;
    }

    /**
     * Writes one stack-only opcode at {@code pc}; {@code top} and {@code next} are the offsets from {@code b} of the
     * top word and of where a pushed word goes.
     */
    private static void emit(MethodVisitor mv, byte[] code, int pc, int op, int top, int next) {
        if (TOP[op] != null) {
            index(mv, top);
            TOP[op].invokeStatic(mv);
        } else if (op == PC || op >= PUSH0 && op <= PUSH8) {
            // PC, PUSH0 and PUSH1–PUSH8: one limb
            index(mv, next);
            mv.visitLdcInsn(op == PC ? (long) pc : immediate(code, pc + 1, op - PUSH0)[0]);
            SET.invokeStatic(mv);
        } else if (op >= PUSH9 && op <= PUSH32) {
            index(mv, next);
            for (long limb : immediate(code, pc + 1, op - PUSH0))
                mv.visitLdcInsn(limb);
            PUSH.invokeStatic(mv);
        } else if (op >= DUP1 && op <= DUP16) {
            index(mv, next);
            offset(mv, next - 4 * (op - DUP1 + 1));
            DUP.invokeStatic(mv);
        } else if (op >= SWAP1 && op <= SWAP16) {
            index(mv, top);
            offset(mv, top - 4 * (op - SWAP1 + 1));
            SWAP.invokeStatic(mv);
        } // POP only moves the height
    }

    /** Pushes {@code s} and the index {@code b + k}. */
    private static void index(MethodVisitor mv, int k) {
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        offset(mv, k);
    }

    /** Pushes {@code b + k}. */
    private static void offset(MethodVisitor mv, int k) {
        mv.visitVarInsn(Opcodes.ILOAD, 2);
        if (k != 0) {
            mv.visitLdcInsn(k);
            mv.visitInsn(Opcodes.IADD);
        }
    }

    /** A PUSH immediate of {@code len} bytes at {@code at}, as four limbs, least significant first. */
    static long[] immediate(byte[] code, int at, int len) {
        long[] limbs = new long[4];
        U256Bytes.fromCode(code, at, len, limbs, 0);
        return limbs;
    }

    private static SegmentCode define(byte[] classBytes) {
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(classBytes, true);
            return (SegmentCode) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define a compiled segment", e);
        }
    }
}

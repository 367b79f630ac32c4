package org.stele.evm.interp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

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

    private static final String OPS = "org/stele/evm/interp/SegmentOps";
    private static final String BASE = "org/stele/evm/interp/SegmentCode";
    private static final String T_SHAPE = "([JI)V";
    private static final String MEMORY_SHAPE = "([JI[BI)V";
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

    /** The name of the {@link SegmentOps} method for an opcode that works on the top word(s), or null. */
    private static String topOp(int op) {
        return switch (op) {
            case 0x01 -> "add";
            case 0x02 -> "mul";
            case 0x03 -> "sub";
            case 0x04 -> "div";
            case 0x05 -> "sdiv";
            case 0x06 -> "mod";
            case 0x07 -> "smod";
            case 0x08 -> "addmod";
            case 0x09 -> "mulmod";
            case 0x0B -> "signExtend";
            case 0x10 -> "lt";
            case 0x11 -> "gt";
            case 0x12 -> "slt";
            case 0x13 -> "sgt";
            case 0x14 -> "eq";
            case 0x15 -> "isZero";
            case 0x16 -> "and";
            case 0x17 -> "or";
            case 0x18 -> "xor";
            case 0x19 -> "not";
            case 0x1A -> "byteAt";
            case 0x1B -> "shl";
            case 0x1C -> "shr";
            case 0x1D -> "sar";
            default -> null;
        };
    }

    private static boolean compilable(int op) {
        return topOp(op) != null || op == 0x50 || op == 0x58 || (op >= 0x5F && op <= 0x9F);
    }

    /**
     * The memory opcode (MLOAD, MSTORE, MSTORE8) that follows a PUSH1–PUSH4 at {@code pc}, making a constant-offset
     * access; 0 when there is none.
     */
    static int memoryOpAfterPush(byte[] code, int pc) {
        int op = code[pc] & 0xFF;
        if (op < 0x60 || op > 0x63)
            return 0;
        int at = pc + 1 + (op - 0x5F);
        if (at >= code.length)
            return 0;
        int next = code[at] & 0xFF;
        return next >= 0x51 && next <= 0x53 ? next : 0;
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
            int len = op >= 0x60 && op <= 0x7F ? op - 0x5F : 0;
            if (pc + 1 + len > code.length)
                break; // a PUSH cut short by the end of the code: left to the interpreter
            int top = 4 * (run.height - 1), next = 4 * run.height;
            int memOp = memoryOpAfterPush(code, pc);
            if (memOp != 0) {
                long offset = immediate(code, pc + 1, len)[0];
                if (staticGas[memOp] < 0 || offset > MAX_CONSTANT_OFFSET)
                    break;
                memory = Math.max(memory, offset + (memOp == 0x53 ? 1 : 32));
                index(mv, memOp == 0x51 ? next : top);
                mv.visitVarInsn(Opcodes.ALOAD, 3);
                mv.visitLdcInsn((int) offset);
                String method = memOp == 0x51 ? "mload" : memOp == 0x52 ? "mstore" : "mstore8";
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, method, MEMORY_SHAPE, false);
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
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, "org/stele/evm/interp/CompiledSegment", null,
                BASE, null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, BASE, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_FINAL, "run", "([JI[B)V", null, null);
        mv.visitCode();
        return mv;
    }

    /**
     * Writes one stack-only opcode at {@code pc}; {@code top} and {@code next} are the offsets from {@code b} of the
     * top word and of where a pushed word goes.
     */
    private static void emit(MethodVisitor mv, byte[] code, int pc, int op, int top, int next) {
        String name = topOp(op);
        if (name != null) {
            index(mv, top);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, name, T_SHAPE, false);
        } else if (op == 0x58 || op >= 0x5F && op <= 0x67) {
            // PC, PUSH0 and PUSH1–PUSH8: one limb
            index(mv, next);
            mv.visitLdcInsn(op == 0x58 ? (long) pc : immediate(code, pc + 1, op - 0x5F)[0]);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "org/stele/evm/interp/U256", "set", "([JIJ)V", false);
        } else if (op >= 0x68 && op <= 0x7F) {
            index(mv, next);
            for (long limb : immediate(code, pc + 1, op - 0x5F))
                mv.visitLdcInsn(limb);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "push", "([JIJJJJ)V", false);
        } else if (op >= 0x80 && op <= 0x8F) {
            index(mv, next);
            offset(mv, next - 4 * (op - 0x7F));
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "dup", "([JII)V", false);
        } else if (op >= 0x90 && op <= 0x9F) {
            index(mv, top);
            offset(mv, top - 4 * (op - 0x8F));
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "swap", "([JII)V", false);
        } // POP (0x50) only moves the height
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
        U256.fromCode(code, at, len, limbs, 0);
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

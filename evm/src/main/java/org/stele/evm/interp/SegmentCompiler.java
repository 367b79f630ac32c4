package org.stele.evm.interp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds the {@link Segment} that starts after a JUMPDEST and compiles it to a hidden class: straight-line JVM bytecode
 * with one {@link SegmentOps} call per opcode (or per PUSH and the memory opcode after it), each operand index
 * {@code b} plus a constant. Static gas, stack bounds
 * and which opcodes a fork defines come from the interpreter's tables for that fork, so a segment is valid for that
 * fork only.
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

    SegmentCompiler(long[] staticGas, int[] pops, int[] maxHeight) {
        this.staticGas = staticGas;
        this.pops = pops;
        this.maxHeight = maxHeight;
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

    /**
     * The segment that starts at {@code start} (just after a JUMPDEST) in {@code code}, compiled; {@link Segment#NONE}
     * when it is shorter than {@link #MIN_OPCODES} or no entry height could run it without halting.
     */
    Segment compile(byte[] code, int start) {
        int pc = start, r = 0, count = 0;
        int lo = 0, hi = Frame.STACK_LIMIT;
        long gas = 0, memory = 0;
        while (pc < code.length && count < MAX_OPCODES) {
            int op = code[pc] & 0xFF;
            if (!compilable(op) || staticGas[op] < 0)
                break;
            int len = op >= 0x60 && op <= 0x7F ? op - 0x5F : 0;
            if (pc + 1 + len > code.length)
                break; // a PUSH cut short by the end of the code: left to the interpreter
            int memOp = memoryOpAfterPush(code, pc);
            if (memOp != 0) {
                long offset = immediate(code, pc + 1, len)[0];
                if (staticGas[memOp] < 0 || offset > MAX_CONSTANT_OFFSET)
                    break;
                memory = Math.max(memory, offset + (memOp == 0x53 ? 1 : 32));
            }
            lo = Math.max(lo, pops[op] - r);
            hi = Math.min(hi, maxHeight[op] - r);
            r += stackChange(op);
            gas += staticGas[op];
            pc += 1 + len;
            count++;
            if (memOp != 0) {
                lo = Math.max(lo, pops[memOp] - r);
                hi = Math.min(hi, maxHeight[memOp] - r);
                r += memOp == 0x51 ? 0 : -2;
                gas += staticGas[memOp];
                pc++;
                count++;
            }
        }
        if (count < MIN_OPCODES || lo > hi)
            return Segment.NONE;
        // Memory only ever grows in 32-byte words, so what must be in use is a whole number of them.
        long words = (memory + 31) >>> 5;
        return new Segment(define(generate(code, start, pc)), gas, lo, hi, r, pc, count, words << 5);
    }

    private static int stackChange(int op) {
        if (op >= 0x01 && op <= 0x07 || op == 0x0B || op >= 0x10 && op <= 0x14 || op >= 0x16 && op <= 0x18
                || op >= 0x1A && op <= 0x1D)
            return -1;
        if (op == 0x08 || op == 0x09)
            return -2;
        if (op == 0x15 || op == 0x19 || op >= 0x90)
            return 0;
        if (op == 0x50)
            return -1;
        return 1; // PC, PUSH0-32, DUP1-16
    }

    private static byte[] generate(byte[] code, int start, int end) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
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
        int r = 0; // height relative to entry; the top word is at b + 4(r - 1), a pushed one goes to b + 4r
        for (int pc = start; pc < end;) {
            int op = code[pc] & 0xFF;
            int top = 4 * (r - 1), next = 4 * r;
            String name = topOp(op);
            int memOp = memoryOpAfterPush(code, pc);
            if (memOp != 0) {
                int len = op - 0x5F;
                index(mv, memOp == 0x51 ? next : top);
                mv.visitVarInsn(Opcodes.ALOAD, 3);
                mv.visitLdcInsn((int) immediate(code, pc + 1, len)[0]);
                String method = memOp == 0x51 ? "mload" : memOp == 0x52 ? "mstore" : "mstore8";
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, method, MEMORY_SHAPE, false);
                r += memOp == 0x51 ? 1 : -1;
                pc += 2 + len;
                continue;
            }
            if (name != null) {
                index(mv, top);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, name, T_SHAPE, false);
            } else if (op == 0x58 || op == 0x5F) {
                index(mv, next);
                mv.visitLdcInsn(op == 0x58 ? (long) pc : 0L);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "push", "([JIJ)V", false);
            } else if (op >= 0x60 && op <= 0x7F) {
                int len = op - 0x5F;
                long[] limbs = immediate(code, pc + 1, len);
                index(mv, next);
                if (len <= 8) {
                    mv.visitLdcInsn(limbs[0]);
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "push", "([JIJ)V", false);
                } else {
                    for (long limb : limbs)
                        mv.visitLdcInsn(limb);
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "push", "([JIJJJJ)V", false);
                }
            } else if (op >= 0x80 && op <= 0x8F) {
                index(mv, next);
                offset(mv, next - 4 * (op - 0x7F));
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "dup", "([JII)V", false);
            } else if (op >= 0x90 && op <= 0x9F) {
                index(mv, top);
                offset(mv, top - 4 * (op - 0x8F));
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "swap", "([JII)V", false);
            } // POP (0x50) only moves the height
            r += stackChange(op);
            pc += 1 + (op >= 0x60 && op <= 0x7F ? op - 0x5F : 0);
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
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
        for (int i = 0; i < len; i++) {
            int fromEnd = len - 1 - i; // byte i of the immediate is byte fromEnd counted from the least significant
            limbs[fromEnd >>> 3] |= (code[at + i] & 0xFFL) << ((fromEnd & 7) << 3);
        }
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

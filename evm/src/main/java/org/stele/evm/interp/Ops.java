package org.stele.evm.interp;

import static org.stele.evm.interp.Interpreter.CONTINUE;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.evm.Log;
import org.stele.evm.Status;
import org.stele.evm.state.JournaledState;

/**
 * The opcodes that stay within a frame, one static method each, and the helpers the other families share. The loop
 * has charged the static gas and checked the stack depth; these methods charge what depends on operands (memory,
 * copies, cold access) and return {@link Interpreter#CONTINUE} or a halting status. This class holds the stack,
 * memory, control-flow, logging and halting opcodes; the others are {@link ArithmeticOps}, {@link EnvironmentOps},
 * {@link StorageOps} and, for the opcodes that open frames, {@link Calls}.
 */
final class Ops {
    static final int OOG = Status.OUT_OF_GAS.ordinal();
    static final int SUCCESS = Status.SUCCESS.ordinal();

    private Ops() {
    }

    static int top(Frame f) {
        return (f.sp - 1) << 2;
    }

    static boolean charge(Frame f, long cost) {
        if (f.gas < cost)
            return false;
        f.gas -= cost;
        return true;
    }

    static long words(long size) {
        return (size + 31) >>> 5;
    }

    static int stop(Frame f) {
        f.output = Frame.EMPTY;
        return SUCCESS;
    }

    static void pushLong(Frame f, long v) {
        U256.set(f.stack, f.sp++ << 2, v);
    }

    static void pushBig(Frame f, BigInteger v) {
        U256Bytes.fromBig(v, f.stack, f.sp++ << 2);
    }

    static void pushBytes32(Frame f, byte[] b32) {
        U256Bytes.fromBytes32(b32, 0, f.stack, f.sp++ << 2);
    }

    static int pop(Frame f) {
        f.sp--;
        return CONTINUE;
    }

    static int mload(Frame f) {
        int a = top(f);
        long off = U256.clamp(f.stack, a);
        if (!f.expand(off, 32))
            return OOG;
        U256Bytes.fromBytes32(f.memory, (int) off, f.stack, a);
        return CONTINUE;
    }

    static int mstore(Frame f) {
        long[] s = f.stack;
        int a = top(f);
        long off = U256.clamp(s, a);
        if (!f.expand(off, 32))
            return OOG;
        U256Bytes.toBytes(s, a - 4, f.memory, (int) off);
        f.sp -= 2;
        return CONTINUE;
    }

    static int mstore8(Frame f) {
        long[] s = f.stack;
        int a = top(f);
        long off = U256.clamp(s, a);
        if (!f.expand(off, 1))
            return OOG;
        f.memory[(int) off] = (byte) s[a - 4];
        f.sp -= 2;
        return CONTINUE;
    }

    static int jump(Frame f) {
        int a = top(f);
        long dest = U256.clamp(f.stack, a);
        f.sp--;
        if (dest >= f.code.length || (f.jumpDests[(int) (dest >>> 6)] & (1L << dest)) == 0)
            return Status.INVALID_JUMP.ordinal();
        f.pc = (int) dest;
        return CONTINUE;
    }

    static int jumpi(Frame f) {
        long[] s = f.stack;
        int a = top(f);
        f.sp -= 2;
        if (U256.isZero(s, a - 4))
            return CONTINUE;
        long dest = U256.clamp(s, a);
        if (dest >= f.code.length || (f.jumpDests[(int) (dest >>> 6)] & (1L << dest)) == 0)
            return Status.INVALID_JUMP.ordinal();
        f.pc = (int) dest;
        return CONTINUE;
    }

    static int pc(Frame f) {
        pushLong(f, f.pc - 1);
        return CONTINUE;
    }

    static int msize(Frame f) {
        pushLong(f, f.memSize);
        return CONTINUE;
    }

    static int gas(Frame f) {
        pushLong(f, f.gas);
        return CONTINUE;
    }

    static int jumpDest(Frame f) {
        return CONTINUE;
    }

    static int mcopy(Frame f) {
        long[] s = f.stack;
        int a = top(f);
        long dest = U256.clamp(s, a), src = U256.clamp(s, a - 4), size = U256.clamp(s, a - 8);
        f.sp -= 3;
        if (size == 0)
            return CONTINUE;
        if (!f.expand(Math.max(dest, src), size) || !charge(f, f.ip.gs.copyWord * words(size)))
            return OOG;
        System.arraycopy(f.memory, (int) src, f.memory, (int) dest, (int) size);
        return CONTINUE;
    }

    static int push0(Frame f) {
        pushLong(f, 0);
        return CONTINUE;
    }

    static int push1(Frame f) {
        byte[] code = f.code;
        int pc = f.pc;
        pushLong(f, pc < code.length ? code[pc] & 0xFF : 0);
        f.pc = pc + 1;
        return CONTINUE;
    }

    static int push(Frame f, int n) {
        byte[] code = f.code;
        int pc = f.pc;
        int t = f.sp++ << 2;
        if (pc + n <= code.length) {
            // Fast path: all n bytes present; fill limbs from the least significant end.
            long[] s = f.stack;
            int end = pc + n;
            for (int limb = 0; limb < 4; limb++) {
                long v = 0;
                int from = Math.max(pc, end - 8);
                for (int i = from; i < end; i++)
                    v = (v << 8) | (code[i] & 0xFFL);
                s[t + limb] = v;
                end = from;
            }
        } else {
            U256Bytes.fromBytesPadRight(code, pc, n, f.stack, t);
        }
        f.pc = pc + n;
        return CONTINUE;
    }

    static int dup(Frame f, int n) {
        long[] s = f.stack;
        int src = (f.sp - n) << 2, dst = f.sp << 2;
        s[dst] = s[src];
        s[dst + 1] = s[src + 1];
        s[dst + 2] = s[src + 2];
        s[dst + 3] = s[src + 3];
        f.sp++;
        return CONTINUE;
    }

    static int swap(Frame f, int n) {
        long[] s = f.stack;
        int a = top(f), b = a - (n << 2);
        for (int i = 0; i < 4; i++) {
            long t = s[a + i];
            s[a + i] = s[b + i];
            s[b + i] = t;
        }
        return CONTINUE;
    }

    static int log(Frame f, int topics) {
        if (f.isStatic)
            return Status.STATIC_VIOLATION.ordinal();
        long[] s = f.stack;
        int a = top(f);
        long off = U256.clamp(s, a), size = U256.clamp(s, a - 4);
        GasSchedule g = f.ip.gs;
        if (!f.expand(off, size) || size > Long.MAX_VALUE / 16 || !charge(f, g.logData * size))
            return OOG;
        List<Bytes32> ts = new ArrayList<>(topics);
        for (int i = 0; i < topics; i++) {
            byte[] t = new byte[32];
            U256Bytes.toBytes(s, a - 8 - 4 * i, t, 0);
            ts.add(Bytes32.wrap(t));
        }
        f.sp -= 2 + topics;
        byte[] data = size == 0 ? Frame.EMPTY : Arrays.copyOfRange(f.memory, (int) off, (int) (off + size));
        f.ip.state.addLog(new Log(f.address, ts, Bytes.wrap(data)));
        return CONTINUE;
    }

    static int ret(Frame f) {
        return returnOrRevert(f, Status.SUCCESS);
    }

    static int revert(Frame f) {
        return returnOrRevert(f, Status.REVERT);
    }

    private static int returnOrRevert(Frame f, Status st) {
        long[] s = f.stack;
        int a = top(f);
        long off = U256.clamp(s, a), size = U256.clamp(s, a - 4);
        f.sp -= 2;
        if (!f.expand(off, size))
            return OOG;
        f.output = size == 0 ? Frame.EMPTY : Arrays.copyOfRange(f.memory, (int) off, (int) (off + size));
        return st.ordinal();
    }

    static int invalid(Frame f) {
        return Status.INVALID_OPCODE.ordinal();
    }

    static int selfDestruct(Frame f) {
        if (f.isStatic)
            return Status.STATIC_VIOLATION.ordinal();
        Address beneficiary = EnvironmentOps.popAddress(f);
        if (f.ip.guard != null) {
            byte[] refusal = f.ip.guard.beneficiaryRefusal(beneficiary);
            if (refusal != null) {
                f.output = refusal;
                return Status.REVERT.ordinal();
            }
        }
        JournaledState st = f.ip.state;
        GasSchedule g = f.ip.gs;
        long cost = st.warmAccount(beneficiary) ? g.coldAccountAccess : 0;
        if (st.balance(f.address).signum() != 0 && st.isEmpty(beneficiary))
            cost += g.selfDestructNewAccount;
        if (!charge(f, cost))
            return OOG;
        if (g.selfDestructRefund != 0 && !st.isSelfDestructed(f.address))
            st.addRefund(g.selfDestructRefund);
        st.selfDestruct(f.address, beneficiary, g.selfDestructOnlyCreated);
        f.output = Frame.EMPTY;
        return SUCCESS;
    }
}

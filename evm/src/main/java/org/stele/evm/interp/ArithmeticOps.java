package org.stele.evm.interp;

import static org.stele.evm.interp.Interpreter.CONTINUE;

import org.stele.common.crypto.Keccak256;

/**
 * The arithmetic, comparison, bitwise and hashing opcodes as table entries (the traced loop calls these; the untraced
 * loop and compiled segments call the same {@link SegmentOps} methods directly). EXP and KECCAK256 charge their
 * dynamic gas here.
 */
final class ArithmeticOps {
    private ArithmeticOps() {
    }

    static int add(Frame f) {
        int a = Ops.top(f);
        U256.add(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    static int mul(Frame f) {
        int a = Ops.top(f);
        U256.mul(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    static int sub(Frame f) {
        int a = Ops.top(f);
        U256.sub(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    static int div(Frame f) {
        int a = Ops.top(f);
        U256Division.div(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    static int sdiv(Frame f) {
        int a = Ops.top(f);
        U256Division.sdiv(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    static int mod(Frame f) {
        int a = Ops.top(f);
        U256Division.mod(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    static int smod(Frame f) {
        int a = Ops.top(f);
        U256Division.smod(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    static int addmod(Frame f) {
        int a = Ops.top(f);
        U256Division.addmod(f.stack, a, a - 4, a - 8, a - 8);
        f.sp -= 2;
        return CONTINUE;
    }

    static int mulmod(Frame f) {
        int a = Ops.top(f);
        U256Division.mulmod(f.stack, a, a - 4, a - 8, a - 8);
        f.sp -= 2;
        return CONTINUE;
    }

    static int exp(Frame f) {
        int a = Ops.top(f);
        if (!Ops.charge(f, f.ip.gs.expByte * U256.byteLength(f.stack, a - 4)))
            return Ops.OOG;
        U256.exp(f.stack, a, a - 4, a - 4, f.scratch);
        f.sp--;
        return CONTINUE;
    }

    static int signExtend(Frame f) {
        int a = Ops.top(f);
        U256.signExtend(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    static int lt(Frame f) {
        int a = Ops.top(f);
        U256.set(f.stack, a - 4, U256.compare(f.stack, a, a - 4) < 0 ? 1 : 0);
        f.sp--;
        return CONTINUE;
    }

    static int gt(Frame f) {
        int a = Ops.top(f);
        U256.set(f.stack, a - 4, U256.compare(f.stack, a, a - 4) > 0 ? 1 : 0);
        f.sp--;
        return CONTINUE;
    }

    static int slt(Frame f) {
        int a = Ops.top(f);
        U256.set(f.stack, a - 4, U256.compareSigned(f.stack, a, a - 4) < 0 ? 1 : 0);
        f.sp--;
        return CONTINUE;
    }

    static int sgt(Frame f) {
        int a = Ops.top(f);
        U256.set(f.stack, a - 4, U256.compareSigned(f.stack, a, a - 4) > 0 ? 1 : 0);
        f.sp--;
        return CONTINUE;
    }

    static int eq(Frame f) {
        long[] s = f.stack;
        int a = Ops.top(f), b = a - 4;
        boolean eq = s[a] == s[b] && s[a + 1] == s[b + 1] && s[a + 2] == s[b + 2] && s[a + 3] == s[b + 3];
        U256.set(s, b, eq ? 1 : 0);
        f.sp--;
        return CONTINUE;
    }

    static int isZero(Frame f) {
        int a = Ops.top(f);
        U256.set(f.stack, a, U256.isZero(f.stack, a) ? 1 : 0);
        return CONTINUE;
    }

    static int and(Frame f) {
        long[] s = f.stack;
        int a = Ops.top(f), b = a - 4;
        s[b] &= s[a];
        s[b + 1] &= s[a + 1];
        s[b + 2] &= s[a + 2];
        s[b + 3] &= s[a + 3];
        f.sp--;
        return CONTINUE;
    }

    static int or(Frame f) {
        long[] s = f.stack;
        int a = Ops.top(f), b = a - 4;
        s[b] |= s[a];
        s[b + 1] |= s[a + 1];
        s[b + 2] |= s[a + 2];
        s[b + 3] |= s[a + 3];
        f.sp--;
        return CONTINUE;
    }

    static int xor(Frame f) {
        long[] s = f.stack;
        int a = Ops.top(f), b = a - 4;
        s[b] ^= s[a];
        s[b + 1] ^= s[a + 1];
        s[b + 2] ^= s[a + 2];
        s[b + 3] ^= s[a + 3];
        f.sp--;
        return CONTINUE;
    }

    static int not(Frame f) {
        long[] s = f.stack;
        int a = Ops.top(f);
        s[a] = ~s[a];
        s[a + 1] = ~s[a + 1];
        s[a + 2] = ~s[a + 2];
        s[a + 3] = ~s[a + 3];
        return CONTINUE;
    }

    static int byteOp(Frame f) {
        int a = Ops.top(f);
        U256.set(f.stack, a - 4, U256.byteAt(f.stack, a, a - 4));
        f.sp--;
        return CONTINUE;
    }

    static int shl(Frame f) {
        int a = Ops.top(f);
        U256.shl(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    static int shr(Frame f) {
        int a = Ops.top(f);
        U256.shr(f.stack, a, a - 4, a - 4, false);
        f.sp--;
        return CONTINUE;
    }

    static int sar(Frame f) {
        int a = Ops.top(f);
        U256.shr(f.stack, a, a - 4, a - 4, true);
        f.sp--;
        return CONTINUE;
    }

    static int keccak(Frame f) {
        long[] s = f.stack;
        int a = Ops.top(f);
        long off = U256.clamp(s, a), size = U256.clamp(s, a - 4);
        if (!f.expand(off, size) || !Ops.charge(f, f.ip.gs.keccakWord * Ops.words(size)))
            return Ops.OOG;
        byte[] h = size == 0 ? Interpreter.EMPTY_HASH : Keccak256.hash(f.memory, (int) off, (int) size);
        U256Bytes.fromBytes32(h, 0, s, a - 4);
        f.sp--;
        return CONTINUE;
    }
}

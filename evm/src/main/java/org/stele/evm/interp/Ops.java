package org.stele.evm.interp;

import static org.stele.evm.interp.Interpreter.CONTINUE;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Keccak256;
import org.stele.evm.Log;
import org.stele.evm.Status;
import org.stele.evm.Word;
import org.stele.evm.state.JournaledState;

/**
 * The opcodes that stay within a frame, one static method each. The loop has charged the static gas and checked the
 * stack depth; these methods charge what depends on operands (memory, copies, cold access) and return
 * {@link Interpreter#CONTINUE} or a halting status.
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

    // ------------------------------------------------------------------ arithmetic

    static int stop(Frame f) {
        f.output = Frame.EMPTY;
        return SUCCESS;
    }

    static int add(Frame f) {
        int a = top(f);
        U256.add(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    static int mul(Frame f) {
        int a = top(f);
        U256.mul(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    static int sub(Frame f) {
        int a = top(f);
        U256.sub(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    static int div(Frame f) {
        int a = top(f);
        U256.div(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    static int sdiv(Frame f) {
        int a = top(f);
        U256.sdiv(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    static int mod(Frame f) {
        int a = top(f);
        U256.mod(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    static int smod(Frame f) {
        int a = top(f);
        U256.smod(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    static int addmod(Frame f) {
        int a = top(f);
        U256.addmod(f.stack, a, a - 4, a - 8, a - 8);
        f.sp -= 2;
        return CONTINUE;
    }

    static int mulmod(Frame f) {
        int a = top(f);
        U256.mulmod(f.stack, a, a - 4, a - 8, a - 8);
        f.sp -= 2;
        return CONTINUE;
    }

    static int exp(Frame f) {
        int a = top(f);
        if (!charge(f, f.ip.gs.expByte * U256.byteLength(f.stack, a - 4)))
            return OOG;
        U256.exp(f.stack, a, a - 4, a - 4, f.scratch);
        f.sp--;
        return CONTINUE;
    }

    static int signExtend(Frame f) {
        int a = top(f);
        U256.signExtend(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    // ------------------------------------------------------------------ comparison and bitwise

    static int lt(Frame f) {
        int a = top(f);
        U256.set(f.stack, a - 4, U256.compare(f.stack, a, a - 4) < 0 ? 1 : 0);
        f.sp--;
        return CONTINUE;
    }

    static int gt(Frame f) {
        int a = top(f);
        U256.set(f.stack, a - 4, U256.compare(f.stack, a, a - 4) > 0 ? 1 : 0);
        f.sp--;
        return CONTINUE;
    }

    static int slt(Frame f) {
        int a = top(f);
        U256.set(f.stack, a - 4, U256.compareSigned(f.stack, a, a - 4) < 0 ? 1 : 0);
        f.sp--;
        return CONTINUE;
    }

    static int sgt(Frame f) {
        int a = top(f);
        U256.set(f.stack, a - 4, U256.compareSigned(f.stack, a, a - 4) > 0 ? 1 : 0);
        f.sp--;
        return CONTINUE;
    }

    static int eq(Frame f) {
        long[] s = f.stack;
        int a = top(f), b = a - 4;
        boolean eq = s[a] == s[b] && s[a + 1] == s[b + 1] && s[a + 2] == s[b + 2] && s[a + 3] == s[b + 3];
        U256.set(s, b, eq ? 1 : 0);
        f.sp--;
        return CONTINUE;
    }

    static int isZero(Frame f) {
        int a = top(f);
        U256.set(f.stack, a, U256.isZero(f.stack, a) ? 1 : 0);
        return CONTINUE;
    }

    static int and(Frame f) {
        long[] s = f.stack;
        int a = top(f), b = a - 4;
        s[b] &= s[a];
        s[b + 1] &= s[a + 1];
        s[b + 2] &= s[a + 2];
        s[b + 3] &= s[a + 3];
        f.sp--;
        return CONTINUE;
    }

    static int or(Frame f) {
        long[] s = f.stack;
        int a = top(f), b = a - 4;
        s[b] |= s[a];
        s[b + 1] |= s[a + 1];
        s[b + 2] |= s[a + 2];
        s[b + 3] |= s[a + 3];
        f.sp--;
        return CONTINUE;
    }

    static int xor(Frame f) {
        long[] s = f.stack;
        int a = top(f), b = a - 4;
        s[b] ^= s[a];
        s[b + 1] ^= s[a + 1];
        s[b + 2] ^= s[a + 2];
        s[b + 3] ^= s[a + 3];
        f.sp--;
        return CONTINUE;
    }

    static int not(Frame f) {
        long[] s = f.stack;
        int a = top(f);
        s[a] = ~s[a];
        s[a + 1] = ~s[a + 1];
        s[a + 2] = ~s[a + 2];
        s[a + 3] = ~s[a + 3];
        return CONTINUE;
    }

    static int byteOp(Frame f) {
        int a = top(f);
        U256.set(f.stack, a - 4, U256.byteAt(f.stack, a, a - 4));
        f.sp--;
        return CONTINUE;
    }

    static int shl(Frame f) {
        int a = top(f);
        U256.shl(f.stack, a, a - 4, a - 4);
        f.sp--;
        return CONTINUE;
    }

    static int shr(Frame f) {
        int a = top(f);
        U256.shr(f.stack, a, a - 4, a - 4, false);
        f.sp--;
        return CONTINUE;
    }

    static int sar(Frame f) {
        int a = top(f);
        U256.shr(f.stack, a, a - 4, a - 4, true);
        f.sp--;
        return CONTINUE;
    }

    static int keccak(Frame f) {
        long[] s = f.stack;
        int a = top(f);
        long off = U256.clamp(s, a), size = U256.clamp(s, a - 4);
        if (!f.expand(off, size) || !charge(f, f.ip.gs.keccakWord * words(size)))
            return OOG;
        byte[] h = size == 0 ? Interpreter.EMPTY_HASH : Keccak256.hash(f.memory, (int) off, (int) size);
        U256.fromBytes32(h, 0, s, a - 4);
        f.sp--;
        return CONTINUE;
    }

    // ------------------------------------------------------------------ environment

    static Address popAddress(Frame f) {
        long[] s = f.stack;
        int a = top(f);
        f.sp--;
        return toAddress(s, a);
    }

    static Address toAddress(long[] s, int a) {
        byte[] b = new byte[20];
        long l2 = s[a + 2];
        b[0] = (byte) (l2 >>> 24);
        b[1] = (byte) (l2 >>> 16);
        b[2] = (byte) (l2 >>> 8);
        b[3] = (byte) l2;
        U256.writeLong(b, 4, s[a + 1]);
        U256.writeLong(b, 12, s[a]);
        return Address.wrap(b);
    }

    static void pushAddress(Frame f, Address addr) {
        byte[] b = addr.unsafeArray();
        long[] s = f.stack;
        int t = f.sp++ << 2;
        s[t] = U256.readLong(b, 12);
        s[t + 1] = U256.readLong(b, 4);
        s[t + 2] = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
        s[t + 3] = 0;
    }

    static void pushLong(Frame f, long v) {
        U256.set(f.stack, f.sp++ << 2, v);
    }

    static void pushBig(Frame f, BigInteger v) {
        U256.fromBig(v, f.stack, f.sp++ << 2);
    }

    static void pushBytes32(Frame f, byte[] b32) {
        U256.fromBytes32(b32, 0, f.stack, f.sp++ << 2);
    }

    /** EIP-2929 account access: warm costs 100, cold 2600 and warms it. */
    static boolean chargeAccess(Frame f, Address a) {
        GasSchedule g = f.ip.gs;
        return charge(f, f.ip.state.warmAccount(a) ? g.coldAccountAccess : g.warmStorageRead);
    }

    static int address(Frame f) {
        pushAddress(f, f.address);
        return CONTINUE;
    }

    static int balance(Frame f) {
        Address a = popAddress(f);
        if (!chargeAccess(f, a))
            return OOG;
        pushBig(f, f.ip.state.balance(a));
        return CONTINUE;
    }

    static int origin(Frame f) {
        pushAddress(f, f.ip.tx.origin());
        return CONTINUE;
    }

    static int caller(Frame f) {
        pushAddress(f, f.caller);
        return CONTINUE;
    }

    static int callValue(Frame f) {
        pushBig(f, f.value);
        return CONTINUE;
    }

    static int callDataLoad(Frame f) {
        int a = top(f);
        long off = U256.clamp(f.stack, a);
        if (off >= f.input.length)
            U256.set(f.stack, a, 0);
        else
            U256.fromBytesPadRight(f.input, off, 32, f.stack, a);
        return CONTINUE;
    }

    static int callDataSize(Frame f) {
        pushLong(f, f.input.length);
        return CONTINUE;
    }

    /** Copies {@code src[srcOff ..]} into memory, zero-filling past the end of {@code src}. */
    static int copyToMemory(Frame f, byte[] src) {
        long[] s = f.stack;
        int a = top(f);
        long dest = U256.clamp(s, a), srcOff = U256.clamp(s, a - 4), size = U256.clamp(s, a - 8);
        f.sp -= 3;
        if (!f.expand(dest, size) || !charge(f, f.ip.gs.copyWord * words(size)))
            return OOG;
        copyPadded(f, src, srcOff, dest, size);
        return CONTINUE;
    }

    static void copyPadded(Frame f, byte[] src, long srcOff, long dest, long size) {
        if (size == 0)
            return;
        long avail = srcOff >= src.length ? 0 : Math.min(size, src.length - srcOff);
        if (avail > 0)
            System.arraycopy(src, (int) srcOff, f.memory, (int) dest, (int) avail);
        if (avail < size)
            Arrays.fill(f.memory, (int) (dest + avail), (int) (dest + size), (byte) 0);
    }

    static int callDataCopy(Frame f) {
        return copyToMemory(f, f.input);
    }

    static int codeSize(Frame f) {
        pushLong(f, f.code.length);
        return CONTINUE;
    }

    static int codeCopy(Frame f) {
        return copyToMemory(f, f.code);
    }

    static int gasPrice(Frame f) {
        pushBig(f, f.ip.tx.gasPrice());
        return CONTINUE;
    }

    static int extCodeSize(Frame f) {
        Address a = popAddress(f);
        if (!chargeAccess(f, a))
            return OOG;
        pushLong(f, f.ip.state.code(a).length);
        return CONTINUE;
    }

    static int extCodeCopy(Frame f) {
        Address a = popAddress(f);
        if (!chargeAccess(f, a))
            return OOG;
        return copyToMemory(f, f.ip.state.code(a));
    }

    static int returnDataSize(Frame f) {
        pushLong(f, f.returnData.length);
        return CONTINUE;
    }

    static int returnDataCopy(Frame f) {
        long[] s = f.stack;
        int a = top(f);
        long dest = U256.clamp(s, a), srcOff = U256.clamp(s, a - 4), size = U256.clamp(s, a - 8);
        f.sp -= 3;
        if (size > f.returnData.length || srcOff > f.returnData.length - size)
            return Status.RETURNDATA_OUT_OF_BOUNDS.ordinal();
        if (!f.expand(dest, size) || !charge(f, f.ip.gs.copyWord * words(size)))
            return OOG;
        copyPadded(f, f.returnData, srcOff, dest, size);
        return CONTINUE;
    }

    static int extCodeHash(Frame f) {
        Address a = popAddress(f);
        if (!chargeAccess(f, a))
            return OOG;
        JournaledState st = f.ip.state;
        if (st.isEmpty(a))
            pushLong(f, 0);
        else
            pushBytes32(f, st.codeHash(a).unsafeArray());
        return CONTINUE;
    }

    // ------------------------------------------------------------------ block

    static int blockHash(Frame f) {
        int a = top(f);
        long n = U256.clamp(f.stack, a);
        long current = f.ip.block.number();
        if (n >= current || n < current - 256 || n == Long.MAX_VALUE) {
            U256.set(f.stack, a, 0);
        } else {
            U256.fromBytes32(f.ip.state.world().blockHash(n).unsafeArray(), 0, f.stack, a);
        }
        return CONTINUE;
    }

    static int coinbase(Frame f) {
        pushAddress(f, f.ip.block.coinbase());
        return CONTINUE;
    }

    static int timestamp(Frame f) {
        pushBig(f, new BigInteger(Long.toUnsignedString(f.ip.block.timestamp())));
        return CONTINUE;
    }

    static int number(Frame f) {
        pushLong(f, f.ip.block.number());
        return CONTINUE;
    }

    static int prevRandao(Frame f) {
        if (f.ip.gs.prevRandao)
            pushBytes32(f, f.ip.block.prevRandao().unsafeArray());
        else
            pushBig(f, f.ip.block.difficulty());
        return CONTINUE;
    }

    static int gasLimit(Frame f) {
        pushBig(f, new BigInteger(Long.toUnsignedString(f.ip.block.gasLimit())));
        return CONTINUE;
    }

    static int chainId(Frame f) {
        pushBig(f, new BigInteger(Long.toUnsignedString(f.ip.block.chainId())));
        return CONTINUE;
    }

    static int selfBalance(Frame f) {
        pushBig(f, f.ip.state.balance(f.address));
        return CONTINUE;
    }

    static int baseFee(Frame f) {
        pushBig(f, f.ip.block.baseFee());
        return CONTINUE;
    }

    static int blobHash(Frame f) {
        int a = top(f);
        long i = U256.clamp(f.stack, a);
        List<Bytes32> hashes = f.ip.tx.blobHashes();
        if (i < hashes.size())
            U256.fromBytes32(hashes.get((int) i).unsafeArray(), 0, f.stack, a);
        else
            U256.set(f.stack, a, 0);
        return CONTINUE;
    }

    static int blobBaseFee(Frame f) {
        pushBig(f, f.ip.block.blobBaseFee());
        return CONTINUE;
    }

    // ------------------------------------------------------------------ stack, memory, storage, flow

    static int pop(Frame f) {
        f.sp--;
        return CONTINUE;
    }

    static int mload(Frame f) {
        int a = top(f);
        long off = U256.clamp(f.stack, a);
        if (!f.expand(off, 32))
            return OOG;
        U256.fromBytes32(f.memory, (int) off, f.stack, a);
        return CONTINUE;
    }

    static int mstore(Frame f) {
        long[] s = f.stack;
        int a = top(f);
        long off = U256.clamp(s, a);
        if (!f.expand(off, 32))
            return OOG;
        U256.toBytes(s, a - 4, f.memory, (int) off);
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

    static Word wordAt(long[] s, int a) {
        long l0 = s[a], l1 = s[a + 1], l2 = s[a + 2], l3 = s[a + 3];
        return (l0 | l1 | l2 | l3) == 0 ? Word.ZERO : new Word(l0, l1, l2, l3);
    }

    static void putWord(long[] s, int a, Word w) {
        s[a] = w.l0();
        s[a + 1] = w.l1();
        s[a + 2] = w.l2();
        s[a + 3] = w.l3();
    }

    static int sload(Frame f) {
        int a = top(f);
        Word key = wordAt(f.stack, a);
        JournaledState st = f.ip.state;
        GasSchedule g = f.ip.gs;
        if (!charge(f, st.warmSlot(f.address, key) ? g.coldSload : g.warmStorageRead))
            return OOG;
        putWord(f.stack, a, st.sload(f.address, key));
        return CONTINUE;
    }

    /** EIP-2200 with EIP-2929 costs and EIP-3529 refunds. */
    static int sstore(Frame f) {
        if (f.isStatic)
            return Status.STATIC_VIOLATION.ordinal();
        GasSchedule g = f.ip.gs;
        if (f.gas <= g.sstoreSentry)
            return OOG;
        long[] s = f.stack;
        int a = top(f);
        Word key = wordAt(s, a);
        Word value = wordAt(s, a - 4);
        f.sp -= 2;
        JournaledState st = f.ip.state;
        long cost = st.warmSlot(f.address, key) ? g.coldSload : 0;
        Word current = st.sload(f.address, key);
        long refund = 0;
        if (current.equals(value)) {
            cost += g.warmStorageRead;
        } else {
            Word original = st.originalValue(f.address, key);
            if (original.equals(current)) {
                if (original.isZero()) {
                    cost += g.sstoreSet;
                } else {
                    cost += g.sstoreReset;
                    if (value.isZero())
                        refund += g.sstoreClearsRefund;
                }
            } else {
                cost += g.warmStorageRead;
                if (!original.isZero()) {
                    if (current.isZero())
                        refund -= g.sstoreClearsRefund;
                    else if (value.isZero())
                        refund += g.sstoreClearsRefund;
                }
                if (original.equals(value)) {
                    refund += original.isZero() ? g.sstoreSet - g.warmStorageRead : g.sstoreReset - g.warmStorageRead;
                }
            }
        }
        if (!charge(f, cost))
            return OOG;
        if (refund != 0)
            st.addRefund(refund);
        if (!current.equals(value))
            st.sstore(f.address, key, value);
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

    static int tload(Frame f) {
        int a = top(f);
        putWord(f.stack, a, f.ip.state.tload(f.address, wordAt(f.stack, a)));
        return CONTINUE;
    }

    static int tstore(Frame f) {
        if (f.isStatic)
            return Status.STATIC_VIOLATION.ordinal();
        int a = top(f);
        f.ip.state.tstore(f.address, wordAt(f.stack, a), wordAt(f.stack, a - 4));
        f.sp -= 2;
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
            U256.fromBytesPadRight(code, pc, n, f.stack, t);
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
            U256.toBytes(s, a - 8 - 4 * i, t, 0);
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
        Address beneficiary = popAddress(f);
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

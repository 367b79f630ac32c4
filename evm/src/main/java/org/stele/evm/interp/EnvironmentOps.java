package org.stele.evm.interp;

import static org.stele.evm.interp.Interpreter.CONTINUE;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.evm.Status;
import org.stele.evm.state.JournaledState;

/**
 * The opcodes that read the message, the transaction, the block and other accounts: CALLER, BALANCE,
 * the copies of call data, code and return data, BLOCKHASH and the rest. Account reads are charged warm or cold here
 * (EIP-2929).
 */
final class EnvironmentOps {
    private EnvironmentOps() {
    }

    static Address popAddress(Frame f) {
        long[] s = f.stack;
        int a = Ops.top(f);
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
        U256Bytes.writeLong(b, 4, s[a + 1]);
        U256Bytes.writeLong(b, 12, s[a]);
        return Address.wrap(b);
    }

    static void pushAddress(Frame f, Address addr) {
        byte[] b = addr.unsafeArray();
        long[] s = f.stack;
        int t = f.sp++ << 2;
        s[t] = U256Bytes.readLong(b, 12);
        s[t + 1] = U256Bytes.readLong(b, 4);
        s[t + 2] = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
        s[t + 3] = 0;
    }

    /** EIP-2929 account access: warm costs 100, cold 2600 and warms it. */
    static boolean chargeAccess(Frame f, Address a) {
        GasSchedule g = f.ip.gs;
        return Ops.charge(f, f.ip.state.warmAccount(a) ? g.coldAccountAccess : g.warmStorageRead);
    }

    static int address(Frame f) {
        pushAddress(f, f.address);
        return CONTINUE;
    }

    static int balance(Frame f) {
        Address a = popAddress(f);
        if (!chargeAccess(f, a))
            return Ops.OOG;
        Ops.pushBig(f, f.ip.state.balance(a));
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
        Ops.pushBig(f, f.value);
        return CONTINUE;
    }

    static int callDataLoad(Frame f) {
        int a = Ops.top(f);
        long off = U256.clamp(f.stack, a);
        if (off >= f.input.length)
            U256.set(f.stack, a, 0);
        else
            U256Bytes.fromBytesPadRight(f.input, off, 32, f.stack, a);
        return CONTINUE;
    }

    static int callDataSize(Frame f) {
        Ops.pushLong(f, f.input.length);
        return CONTINUE;
    }

    /** Copies {@code src[srcOff ..]} into memory, zero-filling past the end of {@code src}. */
    static int copyToMemory(Frame f, byte[] src) {
        long[] s = f.stack;
        int a = Ops.top(f);
        long dest = U256.clamp(s, a), srcOff = U256.clamp(s, a - 4), size = U256.clamp(s, a - 8);
        f.sp -= 3;
        if (!f.expand(dest, size) || !Ops.charge(f, f.ip.gs.copyWord * Ops.words(size)))
            return Ops.OOG;
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
        Ops.pushLong(f, f.code.length);
        return CONTINUE;
    }

    static int codeCopy(Frame f) {
        return copyToMemory(f, f.code);
    }

    static int gasPrice(Frame f) {
        Ops.pushBig(f, f.ip.tx.gasPrice());
        return CONTINUE;
    }

    static int extCodeSize(Frame f) {
        Address a = popAddress(f);
        if (!chargeAccess(f, a))
            return Ops.OOG;
        Ops.pushLong(f, f.ip.state.code(a).length);
        return CONTINUE;
    }

    static int extCodeCopy(Frame f) {
        Address a = popAddress(f);
        if (!chargeAccess(f, a))
            return Ops.OOG;
        return copyToMemory(f, f.ip.state.code(a));
    }

    static int returnDataSize(Frame f) {
        Ops.pushLong(f, f.returnData.length);
        return CONTINUE;
    }

    static int returnDataCopy(Frame f) {
        long[] s = f.stack;
        int a = Ops.top(f);
        long dest = U256.clamp(s, a), srcOff = U256.clamp(s, a - 4), size = U256.clamp(s, a - 8);
        f.sp -= 3;
        if (size > f.returnData.length || srcOff > f.returnData.length - size)
            return Status.RETURNDATA_OUT_OF_BOUNDS.ordinal();
        if (!f.expand(dest, size) || !Ops.charge(f, f.ip.gs.copyWord * Ops.words(size)))
            return Ops.OOG;
        copyPadded(f, f.returnData, srcOff, dest, size);
        return CONTINUE;
    }

    static int extCodeHash(Frame f) {
        Address a = popAddress(f);
        if (!chargeAccess(f, a))
            return Ops.OOG;
        JournaledState st = f.ip.state;
        if (st.isEmpty(a))
            Ops.pushLong(f, 0);
        else
            Ops.pushBytes32(f, st.codeHash(a).unsafeArray());
        return CONTINUE;
    }

    static int blockHash(Frame f) {
        int a = Ops.top(f);
        long n = U256.clamp(f.stack, a);
        long current = f.ip.block.number();
        if (n >= current || n < current - 256 || n == Long.MAX_VALUE) {
            U256.set(f.stack, a, 0);
        } else {
            U256Bytes.fromBytes32(f.ip.state.world().blockHash(n).unsafeArray(), 0, f.stack, a);
        }
        return CONTINUE;
    }

    static int coinbase(Frame f) {
        pushAddress(f, f.ip.block.coinbase());
        return CONTINUE;
    }

    static int timestamp(Frame f) {
        Ops.pushBig(f, new BigInteger(Long.toUnsignedString(f.ip.block.timestamp())));
        return CONTINUE;
    }

    static int number(Frame f) {
        Ops.pushLong(f, f.ip.block.number());
        return CONTINUE;
    }

    static int prevRandao(Frame f) {
        if (f.ip.gs.prevRandao)
            Ops.pushBytes32(f, f.ip.block.prevRandao().unsafeArray());
        else
            Ops.pushBig(f, f.ip.block.difficulty());
        return CONTINUE;
    }

    static int gasLimit(Frame f) {
        Ops.pushBig(f, new BigInteger(Long.toUnsignedString(f.ip.block.gasLimit())));
        return CONTINUE;
    }

    static int chainId(Frame f) {
        Ops.pushBig(f, new BigInteger(Long.toUnsignedString(f.ip.block.chainId())));
        return CONTINUE;
    }

    static int selfBalance(Frame f) {
        Ops.pushBig(f, f.ip.state.balance(f.address));
        return CONTINUE;
    }

    static int baseFee(Frame f) {
        Ops.pushBig(f, f.ip.block.baseFee());
        return CONTINUE;
    }

    static int blobHash(Frame f) {
        int a = Ops.top(f);
        long i = U256.clamp(f.stack, a);
        List<Bytes32> hashes = f.ip.tx.blobHashes();
        if (i < hashes.size())
            U256Bytes.fromBytes32(hashes.get((int) i).unsafeArray(), 0, f.stack, a);
        else
            U256.set(f.stack, a, 0);
        return CONTINUE;
    }

    static int blobBaseFee(Frame f) {
        Ops.pushBig(f, f.ip.block.blobBaseFee());
        return CONTINUE;
    }
}

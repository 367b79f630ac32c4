package org.stele.evm.interp;

import static org.stele.evm.Opcode.CALL;
import static org.stele.evm.Opcode.CALLCODE;
import static org.stele.evm.Opcode.CREATE;
import static org.stele.evm.Opcode.CREATE2;
import static org.stele.evm.Opcode.DELEGATECALL;
import static org.stele.evm.Opcode.STATICCALL;
import static org.stele.evm.interp.Interpreter.CONTINUE;
import static org.stele.evm.interp.Interpreter.ENTER;

import java.math.BigInteger;
import java.util.Arrays;
import org.stele.common.Address;
import org.stele.evm.Evm;
import org.stele.evm.Status;
import org.stele.evm.state.JournaledState;

/**
 * CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE and CREATE2: they charge gas, set up the child frame through the
 * {@link Interpreter} and return {@link Interpreter#ENTER}; when the child ends, {@link #returnFromCall} or
 * {@link #returnFromCreate} hands its result to the parent.
 */
final class Calls {
    private Calls() {
    }

    static int call(Frame f) {
        return call(f, CALL);
    }

    static int callCode(Frame f) {
        return call(f, CALLCODE);
    }

    static int delegateCall(Frame f) {
        return call(f, DELEGATECALL);
    }

    static int staticCall(Frame f) {
        return call(f, STATICCALL);
    }

    private static int call(Frame f, int opcode) {
        Interpreter ip = f.ip;
        GasSchedule g = ip.gs;
        long[] s = f.stack;
        int a = Ops.top(f);
        long gasRequested = U256.clamp(s, a);
        Address to = EnvironmentOps.toAddress(s, a - 4);
        boolean hasValue = opcode == CALL || opcode == CALLCODE;
        int p = hasValue ? a - 12 : a - 8;
        BigInteger value = hasValue && !U256.isZero(s, a - 8) ? U256Bytes.toBig(s, a - 8) : BigInteger.ZERO;
        long inOff = U256.clamp(s, p), inSize = U256.clamp(s, p - 4), outOff = U256.clamp(s, p - 8),
                outSize = U256.clamp(s, p - 12);
        f.sp -= hasValue ? 7 : 6;
        if (opcode == CALL && f.isStatic && value.signum() != 0)
            return Status.STATIC_VIOLATION.ordinal();
        if (!f.expand(inOff, inSize) || !f.expand(outOff, outSize))
            return Ops.OOG;
        JournaledState st = ip.state;
        long cost = st.warmAccount(to) ? g.coldAccountAccess : g.warmStorageRead;
        if (value.signum() != 0) {
            cost += g.callValue;
            if (opcode == CALL && st.isEmpty(to))
                cost += g.newAccount;
        }
        if (!Ops.charge(f, cost))
            return Ops.OOG;
        // EIP-150: a call may take at most all but one 64th of what is left.
        long available = f.gas - f.gas / 64;
        long callGas = Math.min(gasRequested, available);
        f.gas -= callGas;
        if (value.signum() != 0)
            callGas += g.callStipend;
        byte[] input = inSize == 0 ? Frame.EMPTY : Arrays.copyOfRange(f.memory, (int) inOff, (int) (inOff + inSize));
        if (f.depth + 1 > Interpreter.MAX_DEPTH
                || (value.signum() != 0 && st.balance(f.address).compareTo(value) < 0)) {
            f.gas += callGas;
            f.returnData = Frame.EMPTY;
            Ops.pushLong(f, 0);
            return CONTINUE;
        }
        int r = switch (opcode) {
            case CALL -> ip.startCall(f.depth + 1, opcode, f.address, to, to, value, true, input, callGas, f.isStatic);
            case CALLCODE ->
                ip.startCall(f.depth + 1, opcode, f.address, f.address, to, value, false, input, callGas, f.isStatic);
            case DELEGATECALL ->
                ip.startCall(f.depth + 1, opcode, f.caller, f.address, to, f.value, false, input, callGas, f.isStatic);
            default ->
                ip.startCall(f.depth + 1, opcode, f.address, to, to, BigInteger.ZERO, false, input, callGas, true);
        };
        if (r == ENTER) {
            Frame child = ip.childFrame(f);
            child.retOffset = outOff;
            child.retSize = outSize;
            return ENTER;
        }
        if (ip.tracer != null) {
            ip.tracer.onCallEnter(f.depth + 1, opcode, f.address, to, value, org.stele.common.Bytes.wrap(input),
                    callGas);
            ip.tracer.onCallExit(f.depth + 1, ip.resultStatus, org.stele.common.Bytes.wrap(ip.resultOutput),
                    callGas - ip.resultGas);
        }
        applyCallResult(f, outOff, outSize);
        return CONTINUE;
    }

    static void returnFromCall(Frame parent, Frame child) {
        applyCallResult(parent, child.retOffset, child.retSize);
    }

    private static void applyCallResult(Frame f, long outOff, long outSize) {
        Interpreter ip = f.ip;
        byte[] out = ip.resultOutput;
        f.gas += ip.resultGas;
        f.returnData = out;
        int n = (int) Math.min(outSize, out.length);
        if (n > 0)
            System.arraycopy(out, 0, f.memory, (int) outOff, n);
        Ops.pushLong(f, ip.resultStatus == Status.SUCCESS ? 1 : 0);
    }

    static int create(Frame f) {
        return create(f, false);
    }

    static int create2(Frame f) {
        return create(f, true);
    }

    private static int create(Frame f, boolean isCreate2) {
        if (f.isStatic)
            return Status.STATIC_VIOLATION.ordinal();
        Interpreter ip = f.ip;
        GasSchedule g = ip.gs;
        long[] s = f.stack;
        int a = Ops.top(f);
        BigInteger value = U256.isZero(s, a) ? BigInteger.ZERO : U256Bytes.toBig(s, a);
        long off = U256.clamp(s, a - 4), size = U256.clamp(s, a - 8);
        byte[] salt = null;
        if (isCreate2) {
            salt = new byte[32];
            U256Bytes.toBytes(s, a - 12, salt, 0);
        }
        f.sp -= isCreate2 ? 4 : 3;
        if (size > g.maxInitCodeSize)
            return Ops.OOG;
        if (!f.expand(off, size))
            return Ops.OOG;
        long words = Ops.words(size);
        long cost = g.initCodeWordGas * words + (isCreate2 ? g.keccakWord * words : 0);
        if (!Ops.charge(f, cost))
            return Ops.OOG;
        byte[] initCode = size == 0 ? Frame.EMPTY : Arrays.copyOfRange(f.memory, (int) off, (int) (off + size));
        long gas = f.gas - f.gas / 64;
        f.gas -= gas;
        f.returnData = Frame.EMPTY;
        JournaledState st = ip.state;
        long nonce = st.nonce(f.address);
        if (f.depth + 1 > Interpreter.MAX_DEPTH || st.balance(f.address).compareTo(value) < 0 || nonce == -1L) {
            f.gas += gas;
            Ops.pushLong(f, 0);
            return CONTINUE;
        }
        st.setNonce(f.address, nonce + 1);
        Address address = isCreate2
                ? Interpreter.create2(f.address, salt, initCode)
                : Evm.createAddress(f.address, nonce);
        st.warmAccount(address);
        int r = ip.startCreate(f.depth + 1, f.address, address, value, initCode, gas, isCreate2);
        if (r == ENTER)
            return ENTER;
        if (ip.tracer != null) {
            ip.tracer.onCallEnter(f.depth + 1, isCreate2 ? CREATE2 : CREATE, f.address, address, value,
                    org.stele.common.Bytes.wrap(initCode), gas);
            ip.tracer.onCallExit(f.depth + 1, ip.resultStatus, org.stele.common.Bytes.wrap(ip.resultOutput),
                    gas - ip.resultGas);
        }
        applyCreateResult(f, address);
        return CONTINUE;
    }

    static void returnFromCreate(Frame parent, Frame child) {
        applyCreateResult(parent, child.address);
    }

    private static void applyCreateResult(Frame f, Address address) {
        Interpreter ip = f.ip;
        f.gas += ip.resultGas;
        f.returnData = ip.resultStatus == Status.REVERT ? ip.resultOutput : Frame.EMPTY;
        if (ip.resultStatus == Status.SUCCESS)
            EnvironmentOps.pushAddress(f, address);
        else
            Ops.pushLong(f, 0);
    }
}

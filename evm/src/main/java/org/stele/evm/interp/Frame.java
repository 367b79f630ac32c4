package org.stele.evm.interp;

import java.math.BigInteger;
import java.util.Arrays;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.evm.Word;
import org.stele.evm.tracing.StepView;

/**
 * One call frame: code, program counter, gas, operand stack and memory. Frames are pooled per depth by the
 * {@link Interpreter} and reused, so a call costs no 32 KiB stack allocation.
 *
 * <p>
 * The stack is a {@code long[]} with four limbs per word, least significant limb first; {@code sp} counts words.
 * The word {@code i} places below the top starts at index {@code (sp - 1 - i) * 4}.
 */
final class Frame implements StepView {
    static final int STACK_LIMIT = 1024;

    final Interpreter ip;
    final int depth;
    final long[] stack = new long[STACK_LIMIT * 4];
    int sp;
    byte[] memory = new byte[0];
    /** Bytes in use; always a multiple of 32. */
    long memSize;

    byte[] code;
    long[] jumpDests;
    /** The code's hot-segment profile, shared across frames and transactions; null for init code. */
    CodeProfile profile;
    int pc;
    long gas;

    /** True for CREATE/CREATE2 frames, whose output becomes code. */
    boolean isCreate;
    boolean isStatic;
    /** ADDRESS: whose storage and balance this frame acts on. */
    Address address;
    Address caller;
    /** CALLVALUE; zero for STATICCALL, the parent's for DELEGATECALL. */
    BigInteger value;
    byte[] input;
    byte[] returnData = EMPTY;
    byte[] output = EMPTY;
    long checkpoint;
    /** Where the parent wants the output copied (calls only). */
    long retOffset, retSize;
    /** The opcode that opened this frame, for tracers. */
    int openedBy;
    long gasAtStart;

    /** Scratch limbs for arithmetic that needs room (MUL). */
    final long[] scratch = new long[12];

    static final byte[] EMPTY = new byte[0];

    Frame(Interpreter ip, int depth) {
        this.ip = ip;
        this.depth = depth;
    }

    void reset(byte[] code, long[] jumpDests, long gas) {
        this.code = code;
        this.jumpDests = jumpDests;
        this.gas = gas;
        this.gasAtStart = gas;
        this.pc = 0;
        this.sp = 0;
        this.memSize = 0;
        this.returnData = EMPTY;
        this.output = EMPTY;
        if (memory.length > 1 << 16)
            memory = new byte[0];
    }

    /**
     * Charges memory expansion to cover {@code [offset, offset + size)}; false when that cannot be paid. A region of
     * size 0 never expands memory. {@code offset} and {@code size} are already clamped: {@code Long.MAX_VALUE} stands
     * for "more than 64 bits", which no gas can pay for.
     */
    boolean expand(long offset, long size) {
        if (size == 0)
            return true;
        long end = offset + size;
        if (offset > 0xFFFF_FFFFL || size > 0xFFFF_FFFFL)
            return false;
        if (end <= memSize)
            return true;
        long words = (end + 31) >>> 5;
        long cost = ip.gs.memoryCost(words) - ip.gs.memoryCost(memSize >>> 5);
        if (gas < cost)
            return false;
        long newSize = words << 5;
        if (newSize > Integer.MAX_VALUE - 64)
            return false;
        gas -= cost;
        if (newSize > memory.length) {
            long cap = Math.max(newSize, Math.min((long) memory.length * 2, Integer.MAX_VALUE - 64));
            byte[] m = Arrays.copyOf(memory, (int) cap);
            memory = m;
        }
        // Reused frames keep stale bytes past memSize: clear what becomes visible.
        Arrays.fill(memory, (int) memSize, (int) newSize, (byte) 0);
        memSize = newSize;
        return true;
    }

    // ------------------------------------------------------------------- StepView

    @Override
    public int depth() {
        return depth;
    }

    @Override
    public int pc() {
        return pc;
    }

    @Override
    public int opcode() {
        return pc < code.length ? code[pc] & 0xFF : 0;
    }

    @Override
    public long gasLeft() {
        return gas;
    }

    @Override
    public Address address() {
        return address;
    }

    @Override
    public int stackSize() {
        return sp;
    }

    @Override
    public byte[] stackItem(int i) {
        byte[] out = new byte[32];
        int b = (sp - 1 - i) << 2;
        U256Bytes.toBytes(stack, b, out, 0);
        return out;
    }

    @Override
    public int memorySize() {
        return (int) memSize;
    }

    @Override
    public byte[] memory() {
        return Arrays.copyOf(memory, (int) memSize);
    }

    @Override
    public byte[] returnData() {
        return returnData.clone();
    }

    @Override
    public Bytes32 storage(Bytes32 key) {
        return ip.state.sload(address, Word.fromBytes32(key)).toBytes32();
    }

    @Override
    public java.math.BigInteger balance() {
        return ip.state.balance(address);
    }
}

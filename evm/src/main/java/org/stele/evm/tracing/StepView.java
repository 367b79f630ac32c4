package org.stele.evm.tracing;

import org.stele.common.Address;
import org.stele.common.Bytes32;

/** The machine state at one instruction, as a tracer sees it. */
public interface StepView {
    int depth();

    int pc();

    int opcode();

    long gasLeft();

    Address address();

    /** Number of words on the operand stack. */
    int stackSize();

    /** The word {@code i} places below the top (0 = top), as 32 big-endian bytes. */
    byte[] stackItem(int i);

    /** Current memory size in bytes. */
    int memorySize();

    /** A copy of the frame's memory, {@link #memorySize()} bytes. */
    byte[] memory();

    /** A copy of the output of the frame's last call (RETURNDATASIZE bytes). */
    byte[] returnData();

    /**
     * The current value of a storage slot of {@link #address()}, as SLOAD would read it now. Reading it neither warms
     * the slot nor charges gas.
     */
    Bytes32 storage(Bytes32 key);

    /** The current balance of {@link #address()}, as SELFBALANCE would read it now (what a SELFDESTRUCT moves). */
    java.math.BigInteger balance();
}

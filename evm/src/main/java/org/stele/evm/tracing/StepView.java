package org.stele.evm.tracing;

import org.stele.common.Address;

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
}

package org.stele.evm.tracing;

import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.evm.Status;

/**
 * Observes execution. All methods default to doing nothing, so a tracer implements only what it needs. The values
 * passed are views valid only during the call: copy what you keep.
 */
public interface Tracer {
    /** Before each instruction executes, with the gas left before its charge. */
    default void onStep(StepView step) {
    }

    /**
     * A new frame starts: {@code opcode} is the instruction that opened it ({@link org.stele.evm.Opcode#CALL},
     * {@link org.stele.evm.Opcode#CREATE}, ...).
     */
    default void onCallEnter(int depth, int opcode, Address from, Address to, java.math.BigInteger value, Bytes input,
            long gas) {
    }

    /** A frame ends. */
    default void onCallExit(int depth, Status status, Bytes output, long gasUsed) {
    }
}

package org.stele.evm.interp;

/**
 * A run of opcodes after a JUMPDEST or a JUMPI that only compute on the stack (arithmetic, comparisons, bitwise, PUSH,
 * DUP, SWAP, POP, PC) or read and write memory at constant offsets (PUSH1–PUSH4 then MLOAD, MSTORE or MSTORE8),
 * compiled to JVM bytecode. Such opcodes cannot halt once the run's total static gas is paid, the stack height at
 * entry lies in {@code [minHeight, maxHeight]} and memory already covers every constant offset ({@link #memory}
 * bytes), so the interpreter checks those once, charges {@link #gas}, runs {@link #code}, and continues at {@link
 * #endPc} with the height changed by {@link #growth}; otherwise it steps through the same opcodes one by one and halts
 * exactly where they do.
 */
final class Segment {
    /** Marks a JUMPDEST whose run is too short to be worth compiling, or could not be compiled. */
    static final Segment NONE = new Segment(null, 0, 0, 0, 0, 0, 0, 0);

    final SegmentCode code;
    final long gas;
    final int minHeight;
    final int maxHeight;
    final int growth;
    final int endPc;
    final int opcodes;
    /** Bytes of memory that must be in use already, so that no memory opcode of the run expands it. */
    final long memory;

    Segment(SegmentCode code, long gas, int minHeight, int maxHeight, int growth, int endPc, int opcodes,
            long memory) {
        this.code = code;
        this.gas = gas;
        this.minHeight = minHeight;
        this.maxHeight = maxHeight;
        this.growth = growth;
        this.endPc = endPc;
        this.opcodes = opcodes;
        this.memory = memory;
    }

    /** Whether this run can start with {@code gas}, stack height {@code sp} and {@code memSize} bytes of memory. */
    boolean canRun(long gas, int sp, long memSize) {
        return gas >= this.gas && sp >= minHeight && sp <= maxHeight && memSize >= memory;
    }
}

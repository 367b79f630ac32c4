package org.stele.evm.interp;

/**
 * A run of opcodes after a JUMPDEST that only compute on the stack (arithmetic, comparisons, bitwise, PUSH, DUP, SWAP,
 * POP, PC), compiled to JVM bytecode. Such opcodes cannot halt once the run's total static gas is paid and the stack
 * height at entry lies in {@code [minHeight, maxHeight]}, so the interpreter checks those once, charges {@link #gas},
 * runs {@link #code}, and continues at {@link #endPc} with the height changed by {@link #growth}; otherwise it steps
 * through the same opcodes one by one and halts exactly where they do.
 */
final class Segment {
    /** Marks a JUMPDEST whose run is too short to be worth compiling, or could not be compiled. */
    static final Segment NONE = new Segment(null, 0, 0, 0, 0, 0, 0);

    final SegmentCode code;
    final long gas;
    final int minHeight;
    final int maxHeight;
    final int growth;
    final int endPc;
    final int opcodes;

    Segment(SegmentCode code, long gas, int minHeight, int maxHeight, int growth, int endPc, int opcodes) {
        this.code = code;
        this.gas = gas;
        this.minHeight = minHeight;
        this.maxHeight = maxHeight;
        this.growth = growth;
        this.endPc = endPc;
        this.opcodes = opcodes;
    }
}

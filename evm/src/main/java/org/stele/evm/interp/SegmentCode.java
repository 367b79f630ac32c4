package org.stele.evm.interp;

/**
 * The machine-independent body of one compiled {@link Segment}: a hidden class that {@link SegmentCompiler} generates
 * extends this. {@code b} is the stack index ({@code sp * 4}) at the segment's entry; every operand index in the body
 * is {@code b} plus a constant, which is what lets the JIT keep the segment's work in registers. {@code memory} is the
 * frame's memory, at least {@link Segment#memory} bytes of it in use.
 */
abstract class SegmentCode {
    abstract void run(long[] s, int b, byte[] memory);
}

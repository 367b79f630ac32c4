package org.stele.evm.interp;

import org.stele.evm.state.JournaledState;

/**
 * One contract's code as the interpreter has seen it run under one fork: how often each JUMPDEST was reached, and the
 * {@link Segment} compiled after each JUMPDEST that became hot. Shared by every thread that runs this code: the
 * counters are plain ints, so a race can only miscount a hit, and a {@link Segment} is safely visible through its
 * final fields however its reference is published.
 */
final class CodeProfile {
    private final byte[] code;
    private final SegmentCompiler compiler;
    private final int threshold;
    private final long[] jumpDests;
    /** JUMPDESTs in the 64-byte words before each word, so that a JUMPDEST's ordinal takes one bit count. */
    private final int[] rank;
    private final int[] hits;
    private final Segment[] segments;

    CodeProfile(byte[] code, SegmentCompiler compiler, int threshold) {
        this.code = code;
        this.compiler = compiler;
        this.threshold = threshold;
        this.jumpDests = JournaledState.analyse(code);
        this.rank = new int[jumpDests.length];
        int total = 0;
        for (int w = 0; w < jumpDests.length; w++) {
            rank[w] = total;
            total += Long.bitCount(jumpDests[w]);
        }
        this.hits = new int[total];
        this.segments = new Segment[total];
    }

    /**
     * Counts a visit to the JUMPDEST at {@code pc} and returns the compiled segment that follows it, compiling it
     * when this visit makes it hot; null while it is not hot, or when it has nothing worth compiling.
     */
    Segment enter(int pc) {
        int w = pc >>> 6;
        int i = rank[w] + Long.bitCount(jumpDests[w] & ((1L << pc) - 1));
        Segment seg = segments[i];
        if (seg == null) {
            if (hits[i]++ < threshold)
                return null;
            seg = compile(pc + 1);
            segments[i] = seg;
        }
        return seg == Segment.NONE ? null : seg;
    }

    private Segment compile(int start) {
        try {
            return compiler.compile(code, start);
        } catch (RuntimeException e) {
            // Compiling is only ever an optimisation: the interpreter runs these opcodes just the same without it.
            return Segment.NONE;
        }
    }
}

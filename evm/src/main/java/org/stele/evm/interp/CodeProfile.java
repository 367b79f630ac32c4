package org.stele.evm.interp;

import static org.stele.evm.Opcode.JUMPDEST;
import static org.stele.evm.Opcode.JUMPI;

import org.stele.evm.Opcode;

/**
 * One contract's code as the interpreter has seen it run under one fork: how often the instruction after each
 * JUMPDEST and each JUMPI (where a segment may start) was reached, and the {@link Segment} compiled at each of those
 * that became hot. Shared by every thread that runs this code: the
 * counters are plain ints, so a race can only miscount a hit, and a {@link Segment} is safely visible through its
 * final fields however its reference is published.
 */
final class CodeProfile {
    private final byte[] code;
    private final SegmentCompiler compiler;
    private final int threshold;
    /** One bit per code byte: set at each instruction that follows a JUMPDEST or a JUMPI. */
    private final long[] entries;
    /** Entries in the 64-byte words before each word, so that an entry's ordinal takes one bit count. */
    private final int[] rank;
    private final int[] hits;
    private final Segment[] segments;

    CodeProfile(byte[] code, SegmentCompiler compiler, int threshold) {
        this.code = code;
        this.compiler = compiler;
        this.threshold = threshold;
        this.entries = entries(code);
        this.rank = new int[entries.length];
        int total = 0;
        for (int w = 0; w < entries.length; w++) {
            rank[w] = total;
            total += Long.bitCount(entries[w]);
        }
        this.hits = new int[total];
        this.segments = new Segment[total];
    }

    /** Roughly what this profile holds on the heap, without the compiled segments' classes. */
    int bytes() {
        return 64 + code.length + 8 * entries.length + 4 * rank.length + 8 * hits.length;
    }

    private static long[] entries(byte[] code) {
        long[] bits = new long[(code.length >>> 6) + 1];
        for (int pc = 0; pc < code.length; pc++) {
            int op = code[pc] & 0xFF;
            if ((op == JUMPDEST || op == JUMPI) && pc + 1 < code.length)
                bits[(pc + 1) >>> 6] |= 1L << (pc + 1);
            else
                pc += Opcode.immediateSize(op);
        }
        return bits;
    }

    /**
     * Counts a visit to {@code pc}, the instruction after a JUMPDEST or after a JUMPI that did not jump, and returns
     * the compiled segment that starts there, compiling it when this visit makes it hot; null while it is not hot,
     * when it has nothing worth compiling, or when {@code pc} is no such instruction (the end of the code).
     */
    Segment enter(int pc) {
        int w = pc >>> 6; // pc is at most code.length, which entries still covers
        if ((entries[w] & (1L << pc)) == 0)
            return null;
        int i = rank[w] + Long.bitCount(entries[w] & ((1L << pc) - 1));
        Segment seg = segments[i];
        if (seg == null) {
            if (hits[i]++ < threshold)
                return null;
            seg = compile(pc);
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

package org.stele.execution.explorer;

/**
 * A question whose complete answer needs blocks the background build has not indexed yet. It says how far the build
 * is, so that a caller can retry later instead of receiving a partial answer presented as a whole one.
 */
public final class IndexNotReadyException extends RuntimeException {
    public IndexNotReadyException(long indexedFrom, long head) {
        super("the explorer indexes are still being built: blocks 0 to " + (indexedFrom - 1)
                + " are not indexed yet (" + (head + 1 - indexedFrom) + " of " + (head + 1)
                + " blocks done); try again later");
    }
}

package org.stele.evm.precompile;

/**
 * Input a precompile's specification rejects. It is an ordinary outcome of a call (the call fails and its gas is
 * consumed), so it carries no stack trace.
 */
public final class PrecompileFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public PrecompileFailure(String reason) {
        super(reason, null, false, false);
    }
}

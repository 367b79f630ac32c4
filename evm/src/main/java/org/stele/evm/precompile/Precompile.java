package org.stele.evm.precompile;

/**
 * A precompiled contract: a pure function of its call data with a price that depends only on that data.
 *
 * <p>
 * The interpreter calls {@link #execute(byte[], long)}, which prices the input first and computes only when the
 * call can pay. Implementations provide {@link #gasCost(byte[])} and {@link #compute(byte[])}; {@code gasCost} must
 * be cheap and must not allocate in proportion to sizes the input merely claims (modexp's header can claim
 * gigabytes), and {@code compute} signals input the specification rejects with {@link PrecompileFailure}, which
 * consumes all gas given to the call like any exceptional halt.
 */
public interface Precompile {

    /** A short name for traces and errors, such as {@code ecrecover}. */
    String name();

    /**
     * The gas this input costs. Saturates at {@link Long#MAX_VALUE} when the true price does not fit a long, so a
     * caller can compare it with any gas limit.
     */
    long gasCost(byte[] input);

    /**
     * The output for an input whose gas has been paid. Throws {@link PrecompileFailure} for input the specification
     * rejects (a point off the curve, a malformed blake2f length, a KZG proof that does not verify). A precompile
     * whose specification answers bad input with empty output (ecrecover) returns an empty array instead.
     */
    byte[] compute(byte[] input) throws PrecompileFailure;

    /**
     * Prices and runs a call with {@code gasLimit} gas: out of gas and failures use all of it, success uses the
     * price. Never throws for any input.
     */
    default PrecompileResult execute(byte[] input, long gasLimit) {
        long cost = gasCost(input);
        if (cost > gasLimit) {
            return PrecompileResult.outOfGas(gasLimit);
        }
        try {
            return PrecompileResult.success(compute(input), cost);
        } catch (PrecompileFailure f) {
            return PrecompileResult.failure(gasLimit, f.getMessage());
        }
    }
}

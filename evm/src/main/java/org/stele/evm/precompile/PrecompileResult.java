package org.stele.evm.precompile;

/**
 * What a precompile call did: on {@link Status#SUCCESS} {@code output} is the return data and {@code gasUsed} the
 * price; otherwise {@code output} is empty and {@code gasUsed} is all the gas the call was given, and {@code error}
 * says why.
 */
public record PrecompileResult(Status status, byte[] output, long gasUsed, String error) {

    private static final byte[] EMPTY = new byte[0];

    public enum Status {
        SUCCESS, OUT_OF_GAS, FAILED
    }

    public static PrecompileResult success(byte[] output, long gasUsed) {
        return new PrecompileResult(Status.SUCCESS, output, gasUsed, null);
    }

    public static PrecompileResult outOfGas(long gasLimit) {
        return new PrecompileResult(Status.OUT_OF_GAS, EMPTY, gasLimit, "out of gas");
    }

    public static PrecompileResult failure(long gasLimit, String reason) {
        return new PrecompileResult(Status.FAILED, EMPTY, gasLimit, reason);
    }

    public boolean isSuccess() {
        return status == Status.SUCCESS;
    }
}

package org.stele.evm;

/**
 * How a frame ended. Everything except {@link #SUCCESS} and {@link #REVERT} is an exceptional halt that consumes all
 * gas the frame had.
 */
public enum Status {
    SUCCESS, REVERT, OUT_OF_GAS, INVALID_OPCODE, STACK_UNDERFLOW, STACK_OVERFLOW, INVALID_JUMP, STATIC_VIOLATION, RETURNDATA_OUT_OF_BOUNDS, CALL_DEPTH_EXCEEDED, INSUFFICIENT_BALANCE, NONCE_OVERFLOW, CREATE_COLLISION, CODE_SIZE_EXCEEDED, INVALID_CODE_PREFIX, INITCODE_SIZE_EXCEEDED, PRECOMPILE_FAILURE;

    public boolean isSuccess() {
        return this == SUCCESS;
    }

    /** True for every status but success and revert: the frame's remaining gas is gone. */
    public boolean isExceptionalHalt() {
        return this != SUCCESS && this != REVERT;
    }
}

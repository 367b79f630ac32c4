package org.stele.evm.interp;

/**
 * One opcode: runs with its static gas already charged and the stack depth already checked. Returns
 * {@link Interpreter#CONTINUE}, {@link Interpreter#ENTER} when it opened a child frame, or a halting
 * {@link org.stele.evm.Status} ordinal.
 */
@FunctionalInterface
interface Operation {
    int execute(Frame f);
}

/**
 * The interpreter: a 256-entry operation table of small static methods over an operand stack of {@code long} limbs,
 * gas schedules per fork, and call frames kept on an explicit stack so that a 1,024-deep call chain never recurses
 * on the Java thread stack. Hot runs of stack-only opcodes after a JUMPDEST are compiled to JVM bytecode
 * ({@link org.stele.evm.interp.SegmentCompiler}) and entered only where they cannot halt.
 */
package org.stele.evm.interp;

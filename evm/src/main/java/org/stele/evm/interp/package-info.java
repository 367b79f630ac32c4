/**
 * The interpreter: a 256-entry operation table of small static methods over an operand stack of {@code long} limbs,
 * gas schedules per fork, and call frames kept on an explicit stack so that a 1,024-deep call chain never recurses
 * on the Java thread stack.
 */
package org.stele.evm.interp;

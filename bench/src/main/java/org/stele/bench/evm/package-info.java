/**
 * JMH benchmarks of the EVM interpreter on compute-heavy bytecode, and the hand-assembled programs they run (also
 * printable as hex for {@code stele evm run --bench}).
 */
package org.stele.bench.evm;

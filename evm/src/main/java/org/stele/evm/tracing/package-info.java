/**
 * Hooks for observing execution step by step and call by call, for {@code debug_traceTransaction} and tools. The
 * interpreter checks once per frame whether a tracer is attached, so untraced execution pays nothing.
 */
package org.stele.evm.tracing;

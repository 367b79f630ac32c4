/**
 * The EVM's precompiled contracts (0x01–0x0a) and the {@link org.stele.evm.precompile.Precompile} plug-in point that
 * Stele's own precompiles will use. Every precompile is a pure, deterministic function of its input: gas is priced
 * from the input before anything input-sized is allocated, and bad input ends in a failed call, never an exception.
 */
package org.stele.evm.precompile;

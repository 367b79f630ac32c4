/**
 * The Ethereum Virtual Machine: {@link org.stele.evm.Evm} runs a {@link org.stele.evm.Message} against a
 * {@link org.stele.evm.state.JournaledState} that overlays a read-only {@link org.stele.evm.WorldView}. The EVM
 * declares the world it reads; the state module implements it, so nothing here depends on tries or storage.
 */
package org.stele.evm;

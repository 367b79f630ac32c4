/**
 * Test fixtures every module's tests share, in the spirit of Teku's {@code DataStructureUtil}: deterministic keys,
 * named accounts over a real in-memory world state, signed transactions of every type, headers and blocks. It sits
 * below execution (it uses only common, storage, chain and state) so that execution's and consensus's own tests can
 * use it; the funded chain on top of execution is {@code org.stele.testchain.TestChain}.
 */
package org.stele.testkit;

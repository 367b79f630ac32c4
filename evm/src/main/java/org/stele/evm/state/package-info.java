/**
 * The journaled state of one transaction: an overlay on a {@link org.stele.evm.WorldView} that records every change
 * (balances, nonces, code, storage, transient storage, warm sets, refunds, logs, self-destructs) with checkpoints at
 * every call depth, and hands the state module one immutable {@link org.stele.evm.state.ChangeSet} at the end.
 */
package org.stele.evm.state;

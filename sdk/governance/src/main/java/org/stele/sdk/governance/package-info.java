/**
 * A Java SDK for Stele's governance contracts over any node's JSON-RPC: web3j's wrappers of the six system contracts
 * (package {@code org.stele.sdk.governance.contracts}, generated at build time from the contracts' committed ABI and
 * bytecode) and {@link org.stele.sdk.governance.GovernanceClient}, which loads them at their genesis addresses and
 * proposes and votes through the committee. Nothing of the node's own modules is used.
 */
package org.stele.sdk.governance;

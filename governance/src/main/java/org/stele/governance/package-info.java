/**
 * On-chain governance: the system contracts (committee, validators, node allowlist, accounts and roles, freezes,
 * parameters) at their fixed addresses, the genesis allocations that seed them, and the reading of their state that
 * nodes enforce: {@link org.stele.governance.GovernancePolicy} implements execution's transaction policy from the
 * parent block's state. The storage layout read here is the contracts' own, documented in docs/governance.md.
 */
package org.stele.governance;

/**
 * Transactions waiting to be included in a block: per sender, pending (nonces that follow the account's without a
 * gap) and queued (waiting for a missing nonce), with fee-bump replacement, per-sender and global limits and
 * eviction of the cheapest, and selection by effective tip for block building. Signature checks and sender
 * recovery happen before a transaction reaches the pool.
 */
package org.stele.txpool;

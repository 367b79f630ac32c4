/**
 * Reads a chain's genesis in the format geth and Besu write ({@code genesis.json}): the fork schedule in
 * {@code config}, which picks the chain profile, the genesis header fields and the allocations. The genesis block is
 * built from it with its state, ready to be written as block 0 of a chain store.
 */
package org.stele.execution.genesis;

/**
 * Blocks from transactions: genesis, building a block from candidate transactions (the proposer's and the dev
 * chain's job) and re-executing a proposed block to check its roots (every validator's job). Both run the same
 * {@link org.stele.execution.block.BlockExecutor}, so a proposer and its validators cannot disagree by construction.
 */
package org.stele.execution.block;

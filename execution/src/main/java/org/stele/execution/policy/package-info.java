/**
 * The chain's own rules on who may transact, beyond Ethereum's: read from the state a block is built on (a
 * consortium chain's frozen accounts and allowlists live there), applied in the same way by the pool, the block
 * builder and the block importer. Execution declares the interface; the governance module implements it.
 */
package org.stele.execution.policy;

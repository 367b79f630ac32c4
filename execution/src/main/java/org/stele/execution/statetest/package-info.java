/**
 * Runs the Ethereum reference state tests ({@code GeneralStateTests} format): parses the fixtures, applies each
 * transaction to its pre-state through the real transaction processor and world state, and compares the state root
 * and logs hash with what the fixture expects. The CLI's {@code stele evm statetest} is a thin wrapper around
 * {@link org.stele.execution.statetest.StateTestRunner}.
 */
package org.stele.execution.statetest;

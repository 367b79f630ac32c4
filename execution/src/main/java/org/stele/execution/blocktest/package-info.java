/**
 * Runs Ethereum's blockchain-test fixtures (the format of geth's {@code evm blocktest} and Besu's
 * {@code evmtool block-test}) through the real {@link org.stele.execution.importer.BlockImporter}: genesis from the
 * fixture's pre-state, every block imported in order, invalid blocks refused for the expected reason, and the head and
 * state compared at the end. {@link org.stele.execution.blocktest.FixtureExceptions} is the one table from the
 * fixtures' exception names to Stele's refusal rules.
 */
package org.stele.execution.blocktest;

/**
 * The one funded test chain: a genesis with allocations, its state and block store in memory, and blocks built by the
 * real block executor. It sits on execution, so execution's own tests use the builders of {@code org.stele.testkit}
 * instead; everything above execution (txpool, rpc, node) tests against this chain. {@code TestSenders} sends test
 * keys' transactions on it the way the applications' contract tests do.
 */
package org.stele.testchain;

/**
 * Ethereum transactions: legacy (with and without EIP-155 replay protection), EIP-2930 access-list and EIP-1559
 * fee-market transactions in EIP-2718 envelopes. This package decodes them strictly, encodes, hashes, signs and
 * recovers senders through the chain's crypto suite, and validates them against the rules of a fork; blob (EIP-4844)
 * and set-code (EIP-7702) transactions are recognised only to be refused with a clear reason.
 */
package org.stele.chain.tx;

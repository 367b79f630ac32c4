package org.stele.chain.store;

import org.stele.common.Bytes32;

/** Where a transaction sits: its block and its index in that block's body. */
public record TransactionLocation(Bytes32 blockHash, long blockNumber, int index) {}

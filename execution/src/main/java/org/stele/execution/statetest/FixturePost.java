package org.stele.execution.statetest;

import org.stele.common.Bytes;
import org.stele.common.Bytes32;

/**
 * One expected outcome: which data/gas/value combination runs, the state root and logs hash it must produce, the
 * signed transaction bytes, and the exception name when the transaction must be rejected.
 *
 * @param expectException
 *            e.g. {@code TransactionException.INTRINSIC_GAS_TOO_LOW}, several joined by {@code |}; null when valid
 */
public record FixturePost(int dataIndex, int gasIndex, int valueIndex, Bytes32 hash, Bytes32 logs, Bytes txBytes,
        String expectException) {}
